package camera.develop;

/**
 * A developed image ready for encoding: 8-bit sRGB, three bytes per pixel, rows without padding.
 *
 * @param width  in pixels
 * @param height in pixels
 * @param rgb    {@code width * height * 3} bytes
 */
public record RgbImage(int width, int height, byte[] rgb) {
	public RgbImage {
		if (rgb.length != Math.multiplyExact(Math.multiplyExact(width, height), 3)) {
			throw new IllegalArgumentException("rgb holds " + rgb.length + " bytes, not " + width + "x" + height + "x3");
		}
	}

	/**
	 * @return this image resized bilinearly to {@code width x height}, sample centres aligned (so a binned
	 *         phase-1 image can be laid on a full-size reference); this image when it has that size already
	 */
	public RgbImage resizedTo(int width, int height) {
		return Resampling.toSize(this, width, height);
	}

	/**
	 * @return the peak signal-to-noise ratio of this image against a reference of the same size, in decibels
	 *         (infinite when they are equal): how benchmarks and tests grade a development
	 * @throws IllegalArgumentException when the sizes differ
	 */
	public double psnr(RgbImage reference) {
		return Psnr.between(this, reference);
	}

	/**
	 * @return the structural similarity of this image's luma against a reference of the same size, 1 when they are
	 *         equal, lower the less they look alike; graded over the same pixels as {@link #psnr}
	 * @throws IllegalArgumentException when the sizes differ or the images are 11 pixels or less on a side
	 * @since 1.1
	 */
	public double ssim(RgbImage reference) {
		return Ssim.between(this, reference);
	}
}
