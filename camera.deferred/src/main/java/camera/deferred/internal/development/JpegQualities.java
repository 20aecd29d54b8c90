package camera.deferred.internal.development;

import camera.api.QualityLevel;

/**
 * The JPEG quality of each photo the platform writes, whichever path writes it: phase 1 and proxy thumbnails
 * ({@code fast}), and the full image of a capture at each {@link QualityLevel}, written by phase 2 or by
 * single-phase delivery.
 *
 * @param fast   JPEG quality of first-phase images and proxy thumbnails, 1..100
 * @param high   JPEG quality of full images captured at {@link QualityLevel#HIGH}, 1..100
 * @param medium JPEG quality at {@link QualityLevel#MEDIUM}, 1..100
 * @param low    JPEG quality at {@link QualityLevel#LOW}, 1..100
 */
public record JpegQualities(int fast, int high, int medium, int low) {
	/** The qualities the platform ships with. */
	public static final JpegQualities DEFAULTS = new JpegQualities(80, 95, 85, 70);

	/** @throws IllegalArgumentException naming the first quality outside 1..100 */
	public JpegQualities {
		require("fast", fast);
		require("high", high);
		require("medium", medium);
		require("low", low);
	}

	/** @return the JPEG quality of the full image of a capture at that level */
	public int full(QualityLevel level) {
		return switch (level) {
			case HIGH -> high;
			case MEDIUM -> medium;
			case LOW -> low;
		};
	}

	private static void require(String name, int quality) {
		if (quality < 1 || quality > 100) {
			throw new IllegalArgumentException("the " + name + " JPEG quality must be 1 to 100, not " + quality);
		}
	}
}
