package camera.develop.internal.pipeline;

/** Gains applied to the linear sensor channels before the tone curve. */
record WhiteBalance(double red, double green, double blue) {
	WhiteBalance {
		if (!(red > 0 && green > 0 && blue > 0) || !Double.isFinite(red + green + blue)) {
			throw new IllegalArgumentException("white balance gains must be positive: " + red + ", " + green + ", " + blue);
		}
	}
}
