package camera.deferred.internal.framework;

import java.time.Duration;

import camera.api.QualityLevel;

/**
 * The tunables of the capture path, as configured.
 *
 * @param fastQuality    JPEG quality of first-phase images and thumbnails
 * @param highQuality    JPEG quality of full images captured with {@link QualityLevel#HIGH}
 * @param mediumQuality  JPEG quality for {@link QualityLevel#MEDIUM}
 * @param lowQuality     JPEG quality for {@link QualityLevel#LOW}
 * @param thumbnailSize  longest side of a proxy thumbnail, in pixels
 * @param captureTimeout how long a HAL capture may take before it fails
 * @param burstFrames    frames per capture, capped by what the camera can burst
 */
record FrameworkSettings(int fastQuality, int highQuality, int mediumQuality, int lowQuality, int thumbnailSize,
		Duration captureTimeout, int burstFrames) {

	FrameworkSettings {
		requireQuality(fastQuality);
		requireQuality(highQuality);
		requireQuality(mediumQuality);
		requireQuality(lowQuality);
		if (thumbnailSize < 16 || burstFrames < 1 || captureTimeout.isNegative() || captureTimeout.isZero()) {
			throw new IllegalArgumentException("thumbnail size must be at least 16, burst frames at least 1 and"
					+ " the capture timeout positive");
		}
	}

	/** @return the JPEG quality of a full image captured at that level */
	int fullQuality(QualityLevel level) {
		return switch (level) {
			case HIGH -> highQuality;
			case MEDIUM -> mediumQuality;
			case LOW -> lowQuality;
		};
	}

	private static void requireQuality(int quality) {
		if (quality < 1 || quality > 100) {
			throw new IllegalArgumentException("a JPEG quality is 1 to 100, not " + quality);
		}
	}
}
