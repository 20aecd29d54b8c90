package camera.deferred.internal.pipeline;

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
}
