package camera.develop.internal.pipeline;

/**
 * Lookup tables from raw samples to sRGB bytes for {@link BinnedDevelopment}: black level, white balance,
 * normalisation and the {@link ToneCurve} folded into one array per channel. Green is indexed by the sum of the
 * quad's two green samples, so the mean costs nothing. Built in about a millisecond; kept while black, white and
 * white balance stay the same.
 *
 * @param red       indexed by a red sample
 * @param greenPair indexed by the sum of two green samples
 * @param blue      indexed by a blue sample
 */
record BinningTables(int blackLevel, int whiteLevel, WhiteBalance whiteBalance, byte[] red, byte[] greenPair,
		byte[] blue) {
	private static final int SAMPLES = 1 << 16;

	static BinningTables of(int blackLevel, int whiteLevel, WhiteBalance whiteBalance) {
		float unit = (ToneCurve.SIZE - 1) / (float) (whiteLevel - blackLevel);
		return new BinningTables(blackLevel, whiteLevel, whiteBalance,
				table(SAMPLES, 1, blackLevel, unit * (float) whiteBalance.red()),
				table(2 * SAMPLES, 2, blackLevel, unit * (float) whiteBalance.green()),
				table(SAMPLES, 1, blackLevel, unit * (float) whiteBalance.blue()));
	}

	boolean fits(int otherBlack, int otherWhite, WhiteBalance otherBalance) {
		return blackLevel == otherBlack && whiteLevel == otherWhite && whiteBalance.equals(otherBalance);
	}

	/** Entry {@code i} is the tone-mapped value of {@code i / samples - black}, the same rounding as ColourOutput. */
	private static byte[] table(int size, int samples, int blackLevel, float scale) {
		byte[] table = new byte[size];
		for (int i = 0; i < size; i++) {
			float linear = i / (float) samples - blackLevel;
			table[i] = ToneCurve.encode((int) (linear * scale + 0.5f));
		}
		return table;
	}
}
