package camera.hal.sim.internal.sensor;

/**
 * The physics of the simulated sensor: a 12-bit RGGB Bayer sensor whose colour response is the identity (a
 * red site records the scene's linear Rec. 709 red, white balance gains are 1), with a black level, photon
 * shot noise and read noise that both grow with ISO, and an optional lens vignetting.
 * <p>
 * Signal is counted in DN above black: a scene value of 1.0 would give {@link #fullScale()} DN, so a raw sample
 * is {@code blackLevel + signal + noise}, clipped to 0..{@link #WHITE_LEVEL}. Shot noise is Poisson in
 * electrons, approximated by a Gaussian of variance {@code gain * signal} in DN; read noise is a Gaussian of
 * {@value #READ_NOISE_ELECTRONS} electrons. The conversion gain (DN per electron) is proportional to ISO.
 *
 * @param blackLevel     the raw value of black, 0 to 1023
 * @param iso            sensitivity, 50 to 25600
 * @param shotNoiseScale multiplies the shot noise variance (0 turns it off)
 * @param readNoiseScale multiplies the read noise standard deviation (0 turns it off)
 * @param vignetting     whether the lens darkens towards the corners
 */
public record SensorModel(int blackLevel, int iso, double shotNoiseScale, double readNoiseScale, boolean vignetting) {
	/** Significant bits of a raw sample. */
	public static final int BIT_DEPTH = 12;
	/** The raw value of saturation. */
	public static final int WHITE_LEVEL = (1 << BIT_DEPTH) - 1;
	/** DN per electron at ISO 100: a full well of about 15 000 electrons fills the 12-bit range. */
	static final double BASE_CONVERSION_GAIN = 0.25;
	static final double READ_NOISE_ELECTRONS = 6.0;
	/** How much darker the corners are along each axis: the corner keeps (1 - strength)^2 of the light. */
	static final float VIGNETTING_STRENGTH = 0.2f;

	public SensorModel {
		if (blackLevel < 0 || blackLevel > 1023) {
			throw new IllegalArgumentException("black level must be 0 to 1023, not " + blackLevel);
		}
		if (iso < 50 || iso > 25600) {
			throw new IllegalArgumentException("ISO must be 50 to 25600, not " + iso);
		}
		if (!(shotNoiseScale >= 0) || !(readNoiseScale >= 0)) {
			throw new IllegalArgumentException("noise scales must not be negative");
		}
	}

	/** @return DN between black and white: the signal a scene value of 1.0 produces */
	public int fullScale() {
		return WHITE_LEVEL - blackLevel;
	}

	/** @return DN per electron: proportional to ISO */
	double conversionGain() {
		return BASE_CONVERSION_GAIN * iso / 100.0;
	}

	/** @return the shot noise variance in DN squared per DN of signal */
	double shotVariancePerDn() {
		return conversionGain() * shotNoiseScale;
	}

	/** @return the read noise standard deviation in DN */
	double readNoiseSigma() {
		return READ_NOISE_ELECTRONS * conversionGain() * readNoiseScale;
	}

	/**
	 * The vignetting along one axis; the gain of a pixel is the product of its column's and its row's gain.
	 *
	 * @return one gain per position, 1 in the centre, all 1 without vignetting
	 */
	float[] vignettingGains(int extent) {
		float[] gains = new float[extent];
		for (int position = 0; position < extent; position++) {
			float offCentre = (position + 0.5f) / extent * 2 - 1;
			gains[position] = vignetting ? 1 - VIGNETTING_STRENGTH * offCentre * offCentre : 1f;
		}
		return gains;
	}
}
