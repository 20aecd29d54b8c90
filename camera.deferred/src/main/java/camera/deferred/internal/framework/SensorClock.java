package camera.deferred.internal.framework;

import java.time.Duration;
import java.time.Instant;

/** Turns a sensor timestamp on the monotonic clock ({@link System#nanoTime()}) into a time of day. */
final class SensorClock {
	/** A timestamp further from now than this is not on the monotonic clock: the time of day is taken instead. */
	private static final long PLAUSIBLE_NANOS = Duration.ofMinutes(1).toNanos();

	private SensorClock() {
	}

	static Instant instant(long timestampNanos) {
		long age = System.nanoTime() - timestampNanos;
		Instant now = Instant.now();
		return Math.abs(age) > PLAUSIBLE_NANOS ? now : now.minusNanos(age);
	}
}
