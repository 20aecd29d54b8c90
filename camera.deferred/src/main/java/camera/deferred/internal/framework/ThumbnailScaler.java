package camera.deferred.internal.framework;

import camera.develop.RgbImage;

/** Shrinks a developed image for a thumbnail by averaging the source pixels under each thumbnail pixel. */
final class ThumbnailScaler {

	private ThumbnailScaler() {
	}

	/** @return the image scaled so that its longest side is at most {@code longestSide}; the image itself if it fits */
	static RgbImage scale(RgbImage image, int longestSide) {
		int longest = Math.max(image.width(), image.height());
		if (longest <= longestSide) {
			return image;
		}
		int width = Math.max(1, (int) ((long) image.width() * longestSide / longest));
		int height = Math.max(1, (int) ((long) image.height() * longestSide / longest));
		byte[] source = image.rgb();
		byte[] target = new byte[width * height * 3];
		for (int y = 0; y < height; y++) {
			int top = (int) ((long) y * image.height() / height);
			int bottom = Math.max(top + 1, (int) ((long) (y + 1) * image.height() / height));
			for (int x = 0; x < width; x++) {
				int left = (int) ((long) x * image.width() / width);
				int right = Math.max(left + 1, (int) ((long) (x + 1) * image.width() / width));
				averageBlock(source, image.width(), left, right, top, bottom, target, (y * width + x) * 3);
			}
		}
		return new RgbImage(width, height, target);
	}

	private static void averageBlock(byte[] source, int sourceWidth, int left, int right, int top, int bottom,
			byte[] target, int targetIndex) {
		int red = 0;
		int green = 0;
		int blue = 0;
		for (int y = top; y < bottom; y++) {
			int index = (y * sourceWidth + left) * 3;
			for (int x = left; x < right; x++, index += 3) {
				red += source[index] & 0xff;
				green += source[index + 1] & 0xff;
				blue += source[index + 2] & 0xff;
			}
		}
		int count = (right - left) * (bottom - top);
		target[targetIndex] = (byte) (red / count);
		target[targetIndex + 1] = (byte) (green / count);
		target[targetIndex + 2] = (byte) (blue / count);
	}
}
