package camera.develop;

/** Peak signal-to-noise ratio of 8-bit images of the same size, in decibels; how benchmarks grade a development. */
final class Psnr {
	private Psnr() {
	}

	static double between(RgbImage image, RgbImage reference) {
		if (image.width() != reference.width() || image.height() != reference.height()) {
			throw new IllegalArgumentException("images differ in size");
		}
		byte[] a = image.rgb();
		byte[] b = reference.rgb();
		double sum = 0;
		for (int i = 0; i < a.length; i++) {
			int difference = (a[i] & 0xFF) - (b[i] & 0xFF);
			sum += difference * difference;
		}
		double meanSquare = sum / a.length;
		return meanSquare == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / meanSquare);
	}
}
