package camera.hal.sim.internal.camera;

/**
 * How long the sensor takes: each frame of a burst is exposed, then read out, before the next one starts. A
 * frame is delivered no earlier than the end of its readout, nor before it is rendered. All zero for benchmarks.
 *
 * @param exposureMillis exposure of each frame, also reported in its metadata
 * @param readoutMillis  readout of each frame
 */
record TimingModel(int exposureMillis, int readoutMillis) {
	TimingModel {
		if (exposureMillis < 0 || readoutMillis < 0) {
			throw new IllegalArgumentException("exposure and readout times must not be negative");
		}
	}

	long exposureNanos() {
		return exposureMillis * 1_000_000L;
	}

	long framePeriodNanos() {
		return (exposureMillis + (long) readoutMillis) * 1_000_000L;
	}
}
