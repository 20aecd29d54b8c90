package camera.deferred.internal.jobs;

import java.time.Duration;

/**
 * The engine's tunables, from its configuration.
 *
 * @param workers          how many jobs run at once
 * @param spoolBudgetBytes most bytes of raw frames the spool holds
 * @param jobTimeout       longest one development may take
 * @param maxAttempts      failed attempts before a job ends in ERROR
 * @param maxInterruptedAttempts attempts the process may die during (a kill, a crash) before the job ends in
 *                         ERROR, so that a burst that brings the process down does not loop
 * @param retryDelay       wait before a failed job runs again
 * @param overdueAge       age at which a NORMAL job ignores machine pressure
 * @param orphanGrace      age at which spool data whose asset does not exist is deleted
 * @param recheckInterval  how often conditions are looked at again while jobs wait for them
 * @param assetWait        first wait for an asset not created yet; doubles on each look, up to a minute
 * @param spoolFreeFloorBytes bytes of the spool's file system that raw frames never take, so that the library's
 *                         photos (the inline fallback's too) always have room
 */
public record EngineSettings(int workers, long spoolBudgetBytes, Duration jobTimeout, int maxAttempts,
		int maxInterruptedAttempts, Duration retryDelay, Duration overdueAge, Duration orphanGrace,
		Duration recheckInterval, Duration assetWait, long spoolFreeFloorBytes) {

	public EngineSettings {
		if (workers < 1 || spoolBudgetBytes < 0 || maxAttempts < 1 || spoolFreeFloorBytes < 0) {
			throw new IllegalArgumentException(
					"workers and attempts must be at least 1, the budget and the free floor at least 0");
		}
	}

	/** Settings whose spool may fill its file system: no free floor. */
	public EngineSettings(int workers, long spoolBudgetBytes, Duration jobTimeout, int maxAttempts,
			int maxInterruptedAttempts, Duration retryDelay, Duration overdueAge, Duration orphanGrace,
			Duration recheckInterval, Duration assetWait) {
		this(workers, spoolBudgetBytes, jobTimeout, maxAttempts, maxInterruptedAttempts, retryDelay, overdueAge,
				orphanGrace, recheckInterval, assetWait, 0);
	}

	/** @return the pool size the configuration asks for: 0 or less means cores − 1, at least 1 */
	public static int workersFor(int configured) {
		return configured > 0 ? configured : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
	}
}
