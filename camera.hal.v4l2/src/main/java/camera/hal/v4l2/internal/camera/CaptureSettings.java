package camera.hal.v4l2.internal.camera;

import java.time.Duration;

/**
 * How captures and streams use a device.
 *
 * @param maxBurst       the most frames one capture delivers
 * @param bufferCount    memory-mapped buffers asked of the driver for one capture
 * @param streamBuffers  memory-mapped buffers asked of the driver for a stream: the most frames it lends at once
 * @param pollTimeout    the longest wait for one frame before a capture fails
 * @param releaseTimeout how long closing the device waits for lent frames to come back before it gives up on them
 */
public record CaptureSettings(int maxBurst, int bufferCount, int streamBuffers, Duration pollTimeout,
		Duration releaseTimeout) {
	public CaptureSettings {
		if (maxBurst < 1 || bufferCount < 2 || streamBuffers < 2 || pollTimeout.isNegative() || pollTimeout.isZero()
				|| releaseTimeout.isNegative()) {
			throw new IllegalArgumentException("capture settings out of range: burst " + maxBurst + ", buffers "
					+ bufferCount + ", stream buffers " + streamBuffers + ", poll timeout " + pollTimeout
					+ ", release timeout " + releaseTimeout);
		}
	}

	/** @return how many frames captures lend at once: a burst being delivered and the one before it */
	public int pooledFrames() {
		return 2 * maxBurst;
	}
}
