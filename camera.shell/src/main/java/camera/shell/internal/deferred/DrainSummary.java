package camera.shell.internal.deferred;

import java.time.Duration;
import java.util.Locale;

import camera.api.DeferredStats;

/** The lines {@code deferred:drain} prints while it waits and when it ends. */
final class DrainSummary {
	private DrainSummary() {
	}

	/** @return the progress line: how many jobs wait, run and completed so far */
	static String progress(DeferredStats stats) {
		return "draining: " + pending(stats) + " pending, " + stats.running() + " running, " + stats.completed()
				+ " completed";
	}

	/** @return the summary of a drain from the statistics before and after it */
	static String line(boolean drained, Duration timeout, Duration took, DeferredStats before, DeferredStats after) {
		long completed = after.completed() - before.completed();
		long failed = after.failed() - before.failed();
		String counts = completed + " job" + (completed == 1 ? "" : "s") + " completed, " + failed + " failed";
		if (drained) {
			return String.format(Locale.ROOT, "drained in %.1f s: %s", took.toMillis() / 1000.0, counts);
		}
		return "not drained within " + timeout.toSeconds() + " s: " + counts + "; still " + pending(after)
				+ " pending and " + after.running() + " running, processing goes on";
	}

	static int pending(DeferredStats stats) {
		return stats.queued().values().stream().mapToInt(Integer::intValue).sum();
	}
}
