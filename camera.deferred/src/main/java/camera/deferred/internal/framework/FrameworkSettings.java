package camera.deferred.internal.framework;

import java.time.Duration;

/**
 * The tunables of the capture path, as configured.
 *
 * @param thumbnailSize  longest side of a proxy thumbnail, in pixels
 * @param captureTimeout how long a HAL capture may take before it fails
 * @param burstFrames    frames per capture, capped by what the camera can burst
 */
record FrameworkSettings(int thumbnailSize, Duration captureTimeout, int burstFrames) {

	FrameworkSettings {
		if (thumbnailSize < 16 || burstFrames < 1 || captureTimeout.isNegative() || captureTimeout.isZero()) {
			throw new IllegalArgumentException("thumbnail size must be at least 16, burst frames at least 1 and"
					+ " the capture timeout positive");
		}
	}
}
