package camera.develop;

/**
 * Bilinear resizing of developed images, used to compare a half-size phase-1 image with a full-size reference.
 * Sample centres are aligned, so a binned quad's pixel lands on the middle of the quad it came from.
 */
final class Resampling {
	private Resampling() {
	}

	/** @return the image resized to {@code width x height}; the image itself when it has that size already */
	static RgbImage toSize(RgbImage image, int width, int height) {
		if (image.width() == width && image.height() == height) {
			return image;
		}
		byte[] source = image.rgb();
		byte[] rgb = new byte[Math.multiplyExact(width * height, 3)];
		double scaleX = image.width() / (double) width;
		double scaleY = image.height() / (double) height;
		int[] left = new int[width];
		float[] rightWeight = new float[width];
		for (int x = 0; x < width; x++) {
			double sourceX = Math.clamp((x + 0.5) * scaleX - 0.5, 0, image.width() - 1);
			left[x] = Math.min((int) sourceX, Math.max(0, image.width() - 2));
			rightWeight[x] = (float) (sourceX - left[x]);
		}
		int sourceRow = image.width() * 3;
		int step = image.width() > 1 ? 3 : 0;
		for (int y = 0; y < height; y++) {
			double sourceY = Math.clamp((y + 0.5) * scaleY - 0.5, 0, image.height() - 1);
			int top = Math.min((int) sourceY, Math.max(0, image.height() - 2));
			float bottomWeight = (float) (sourceY - top);
			int topRow = top * sourceRow;
			int bottomRow = image.height() > 1 ? topRow + sourceRow : topRow;
			int target = y * width * 3;
			for (int x = 0; x < width; x++) {
				int at = left[x] * 3;
				float w = rightWeight[x];
				for (int channel = 0; channel < 3; channel++, target++) {
					int c = at + channel;
					float upper = (source[topRow + c] & 0xFF) * (1 - w) + (source[topRow + c + step] & 0xFF) * w;
					float lower = (source[bottomRow + c] & 0xFF) * (1 - w) + (source[bottomRow + c + step] & 0xFF) * w;
					rgb[target] = (byte) (int) (upper + (lower - upper) * bottomWeight + 0.5f);
				}
			}
		}
		return new RgbImage(width, height, rgb);
	}
}
