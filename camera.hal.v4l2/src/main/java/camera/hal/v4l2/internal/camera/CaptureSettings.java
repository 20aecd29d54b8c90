package camera.hal.v4l2.internal.camera;

import java.time.Duration;

/**
 * How captures use a device.
 *
 * @param maxBurst    the most frames one capture delivers
 * @param bufferCount memory-mapped buffers asked of the driver
 * @param pollTimeout the longest wait for one frame before the capture fails
 */
public record CaptureSettings(int maxBurst, int bufferCount, Duration pollTimeout) {
	public CaptureSettings {
		if (maxBurst < 1 || bufferCount < 2 || pollTimeout.isNegative() || pollTimeout.isZero()) {
			throw new IllegalArgumentException("capture settings out of range: burst " + maxBurst + ", buffers "
					+ bufferCount + ", poll timeout " + pollTimeout);
		}
	}
}
