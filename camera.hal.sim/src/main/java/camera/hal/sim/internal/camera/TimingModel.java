package camera.hal.sim.internal.camera;

/**
 * How long the sensor takes: each frame of a burst is exposed, then read out, before the next one starts. A
 * frame is delivered no earlier than the end of its readout, nor before it is rendered. Exposure and readout are
 * zero for benchmarks. While the camera streams, it delivers frames at its frame rate, or slower when exposure
 * and readout take longer than a frame period.
 *
 * @param exposureMillis exposure of each frame, also reported in its metadata
 * @param readoutMillis  readout of each frame
 * @param frameRate      frames per second while streaming, 1 to 1000
 */
record TimingModel(int exposureMillis, int readoutMillis, int frameRate) {
	static final int MAX_FRAME_RATE = 1000;

	TimingModel {
		if (exposureMillis < 0 || readoutMillis < 0) {
			throw new IllegalArgumentException("exposure and readout times must not be negative");
		}
		if (frameRate < 1 || frameRate > MAX_FRAME_RATE) {
			throw new IllegalArgumentException("frame.rate must be 1 to " + MAX_FRAME_RATE + ", not " + frameRate);
		}
	}

	long exposureNanos() {
		return exposureMillis * 1_000_000L;
	}

	long framePeriodNanos() {
		return (exposureMillis + (long) readoutMillis) * 1_000_000L;
	}

	/** @return nanoseconds from one streamed frame to the next */
	long streamPeriodNanos() {
		return Math.max(1_000_000_000L / frameRate, framePeriodNanos());
	}
}
