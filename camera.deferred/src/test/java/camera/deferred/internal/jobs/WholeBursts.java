package camera.deferred.internal.jobs;

import java.io.IOException;
import java.time.Instant;

import camera.api.hal.RawFrame;

/**
 * Hands a burst whose frames are all in memory over in one call, for tests that do not care about frames arriving
 * one by one: the same begin, add and commit (or finish) the capture path uses as the camera delivers.
 */
final class WholeBursts {
	private WholeBursts() {
	}

	/**
	 * @return the new job id
	 * @throws SpoolFullException when the engine refuses the burst
	 */
	static String accept(DeferredEngine engine, CapturedBurst burst) {
		BurstSpooling spooling = engine.begin();
		burst.frames().forEach(spooling::add);
		return spooling.commit(burst);
	}

	/** Writes the burst into the spool synced, as the engine's admission does with {@link Durability#POWER}. */
	static void write(Spool spool, String jobId, CapturedBurst burst, Instant acceptedAt) throws IOException {
		write(spool, jobId, burst, acceptedAt, Durability.POWER);
	}

	/** Writes the burst into the spool as the engine's admission does with that durability. */
	static void write(Spool spool, String jobId, CapturedBurst burst, Instant acceptedAt, Durability durability)
			throws IOException {
		Spool.BurstWriting writing = spool.begin(jobId, durability);
		for (RawFrame frame : burst.frames()) {
			writing.add(frame);
		}
		writing.finish(burst, acceptedAt);
	}
}
