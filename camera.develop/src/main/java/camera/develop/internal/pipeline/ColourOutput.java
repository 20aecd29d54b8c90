package camera.develop.internal.pipeline;

/**
 * The output transform: black-subtracted linear samples on the raw scale, white-balanced, normalised to the
 * sensor's white and sent through the {@link ToneCurve}. One instance per frame geometry; immutable.
 */
final class ColourOutput {
	private final float redScale;
	private final float greenScale;
	private final float blueScale;

	ColourOutput(WhiteBalance whiteBalance, int blackLevel, int whiteLevel) {
		float unit = (ToneCurve.SIZE - 1) / (float) (whiteLevel - blackLevel);
		redScale = unit * (float) whiteBalance.red();
		greenScale = unit * (float) whiteBalance.green();
		blueScale = unit * (float) whiteBalance.blue();
	}

	/** Writes one pixel; {@code red}, {@code green}, {@code blue} have the black level already removed. */
	void write(float red, float green, float blue, byte[] rgb, int offset) {
		rgb[offset] = ToneCurve.encode((int) (red * redScale + 0.5f));
		rgb[offset + 1] = ToneCurve.encode((int) (green * greenScale + 0.5f));
		rgb[offset + 2] = ToneCurve.encode((int) (blue * blueScale + 0.5f));
	}
}
