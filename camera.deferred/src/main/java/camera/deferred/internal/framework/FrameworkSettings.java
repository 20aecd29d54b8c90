package camera.deferred.internal.framework;

import java.time.Duration;
import java.util.Set;

/**
 * The tunables of the capture path, as configured.
 *
 * @param thumbnailSize  longest side of a proxy thumbnail, in pixels
 * @param captureTimeout how long a HAL capture may take before it fails
 * @param burstFrames    frames per capture, capped by what the camera can burst
 * @param ringDepth      frames the zero-shutter-lag ring keeps; 0 keeps one burst's worth
 * @param ringOff        the cameras captured on request rather than from the ring; {@code *} stands for all
 */
record FrameworkSettings(int thumbnailSize, Duration captureTimeout, int burstFrames, int ringDepth,
		Set<String> ringOff) {
	static final String EVERY_CAMERA = "*";

	FrameworkSettings {
		if (thumbnailSize < 16 || burstFrames < 1 || captureTimeout.isNegative() || captureTimeout.isZero()
				|| ringDepth < 0) {
			throw new IllegalArgumentException("thumbnail size must be at least 16, burst frames at least 1, the"
					+ " ring depth not negative and the capture timeout positive");
		}
		ringOff = Set.copyOf(ringOff);
	}

	/** @return whether captures on the camera take their frames from the ring while its session runs */
	boolean ringFor(String cameraId) {
		return !ringOff.contains(EVERY_CAMERA) && !ringOff.contains(cameraId);
	}

	/** @return the frames the ring of a camera keeps, for captures of frameCount frames */
	int ringDepthFor(int frameCount) {
		return Math.max(frameCount, ringDepth);
	}
}
