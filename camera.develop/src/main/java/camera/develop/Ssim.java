package camera.develop;

/**
 * Structural similarity (Wang, Bovik, Sheikh, Simoncelli 2004) of 8-bit images of the same size, on their luma
 * (BT.601 weights): an 11x11 Gaussian window of sigma 1.5, K1 0.01, K2 0.03, averaged over every position where
 * the window lies wholly inside the image, as the reference implementation and scikit-image do. 1 for equal images.
 */
final class Ssim {
	private static final int RADIUS = 5;
	private static final double SIGMA = 1.5;
	private static final double C1 = (0.01 * 255) * (0.01 * 255);
	private static final double C2 = (0.03 * 255) * (0.03 * 255);

	private Ssim() {
	}

	static double between(RgbImage image, RgbImage reference) {
		if (image.width() != reference.width() || image.height() != reference.height()) {
			throw new IllegalArgumentException("images differ in size");
		}
		int width = image.width();
		int height = image.height();
		if (width <= 2 * RADIUS || height <= 2 * RADIUS) {
			throw new IllegalArgumentException("SSIM needs images larger than " + (2 * RADIUS + 1) + " pixels a side");
		}
		float[] x = luma(image);
		float[] y = luma(reference);
		float[] xx = new float[x.length];
		float[] yy = new float[x.length];
		float[] xy = new float[x.length];
		for (int i = 0; i < x.length; i++) {
			xx[i] = x[i] * x[i];
			yy[i] = y[i] * y[i];
			xy[i] = x[i] * y[i];
		}
		float[] weights = gaussian();
		float[] meanX = blur(x, width, height, weights);
		float[] meanY = blur(y, width, height, weights);
		float[] meanXx = blur(xx, width, height, weights);
		float[] meanYy = blur(yy, width, height, weights);
		float[] meanXy = blur(xy, width, height, weights);
		double sum = 0;
		int outWidth = width - 2 * RADIUS;
		int outHeight = height - 2 * RADIUS;
		for (int row = 0; row < outHeight; row++) {
			for (int column = 0; column < outWidth; column++) {
				int i = row * outWidth + column;
				double mx = meanX[i];
				double my = meanY[i];
				double varianceX = meanXx[i] - mx * mx;
				double varianceY = meanYy[i] - my * my;
				double covariance = meanXy[i] - mx * my;
				sum += (2 * mx * my + C1) * (2 * covariance + C2)
						/ ((mx * mx + my * my + C1) * (varianceX + varianceY + C2));
			}
		}
		return sum / ((double) outWidth * outHeight);
	}

	private static float[] luma(RgbImage image) {
		byte[] rgb = image.rgb();
		float[] luma = new float[image.width() * image.height()];
		for (int i = 0, at = 0; i < luma.length; i++, at += 3) {
			luma[i] = 0.299f * (rgb[at] & 0xFF) + 0.587f * (rgb[at + 1] & 0xFF) + 0.114f * (rgb[at + 2] & 0xFF);
		}
		return luma;
	}

	private static float[] gaussian() {
		float[] weights = new float[2 * RADIUS + 1];
		double total = 0;
		for (int i = -RADIUS; i <= RADIUS; i++) {
			weights[i + RADIUS] = (float) Math.exp(-(i * i) / (2 * SIGMA * SIGMA));
			total += weights[i + RADIUS];
		}
		for (int i = 0; i < weights.length; i++) {
			weights[i] /= (float) total;
		}
		return weights;
	}

	/** @return the plane filtered with the separable window, only where the window fits (the valid region) */
	private static float[] blur(float[] plane, int width, int height, float[] weights) {
		int outWidth = width - 2 * RADIUS;
		int outHeight = height - 2 * RADIUS;
		float[] across = new float[outWidth * height];
		for (int row = 0; row < height; row++) {
			int source = row * width;
			int target = row * outWidth;
			for (int column = 0; column < outWidth; column++) {
				float sum = 0;
				for (int k = 0; k < weights.length; k++) {
					sum += weights[k] * plane[source + column + k];
				}
				across[target + column] = sum;
			}
		}
		float[] result = new float[outWidth * outHeight];
		for (int row = 0; row < outHeight; row++) {
			for (int column = 0; column < outWidth; column++) {
				float sum = 0;
				for (int k = 0; k < weights.length; k++) {
					sum += weights[k] * across[(row + k) * outWidth + column];
				}
				result[row * outWidth + column] = sum;
			}
		}
		return result;
	}
}
