package camera.develop.internal.pipeline;

/**
 * A 5x5 cross bilateral filter made separable: every colour is averaged with the neighbours whose luma is close,
 * first along the row, then along the column, "close" being measured against the noise expected at that
 * brightness after merging. Chroma noise (the blotches of high ISO) goes away with the luma noise while edges,
 * which differ in luma by far more than the noise, stay. Two passes of 5 taps cost a third of 25 taps and smooth
 * about as much; both passes are guided by the luma before smoothing, so an edge stops both.
 */
final class LumaGuidedDenoiser {
	private static final int TABLE_SIZE = 1024;
	private static final float TABLE_RANGE = 8;
	private static final float[] RANGE_WEIGHT = rangeWeights();
	private static final double SPATIAL_SIGMA = 1.5;
	private static final float NEAR = (float) Math.exp(-1 / (2 * SPATIAL_SIGMA * SPATIAL_SIGMA));
	private static final float FAR = (float) Math.exp(-4 / (2 * SPATIAL_SIGMA * SPATIAL_SIGMA));

	private final NoiseModel noise;
	private final float varianceScale;

	/**
	 * @param strength multiplies the expected noise; 0 switches the filter off
	 * @param frames   how many frames were merged, which divides the noise variance
	 */
	LumaGuidedDenoiser(NoiseModel noise, double strength, int frames) {
		this.noise = noise;
		// Luma (R + 2G + B) / 4 of demosaiced samples carries less noise than one sample.
		this.varianceScale = (float) (strength * strength * 0.5 / frames);
	}

	/**
	 * Reads red, green, blue over the workspace less {@link DirectionalDemosaic#BORDER} pixels and leaves them
	 * smoothed over the workspace less {@link StripWorkspace#DENOISE_BORDER} pixels, in place; the row planes hold
	 * the row pass in between.
	 */
	void denoise(StripWorkspace workspace, int rows) {
		int w = workspace.paddedWidth;
		float[] red = workspace.red;
		float[] green = workspace.green;
		float[] blue = workspace.blue;
		float[] luma = workspace.luma;
		float[] rangeScale = workspace.rangeScale;
		if (varianceScale == 0) {
			return;
		}
		float tableScale = TABLE_SIZE / TABLE_RANGE;
		// The variance is linear in the level, so a straight line gives 1 / (2 * expected) per pixel.
		float readTerm = (float) (varianceScale * noise.readVariance());
		float shotTerm = (float) (varianceScale * noise.shotGain());
		int filled = DirectionalDemosaic.BORDER;
		int smoothed = StripWorkspace.DENOISE_BORDER;
		for (int r = filled; r < rows - filled; r++) {
			for (int i = r * w + filled, end = r * w + w - filled; i < end; i++) {
				float level = (red[i] + 2 * green[i] + blue[i]) * 0.25f;
				luma[i] = level;
				rangeScale[i] = tableScale / (2 * (readTerm + shotTerm * Math.max(level, 0)));
			}
		}
		float[] rowRed = workspace.rowRed;
		float[] rowGreen = workspace.rowGreen;
		float[] rowBlue = workspace.rowBlue;
		for (int r = filled; r < rows - filled; r++) {
			for (int i = r * w + smoothed, end = r * w + w - smoothed; i < end; i++) {
				smooth(i, 1, luma, rangeScale[i], red, green, blue, rowRed, rowGreen, rowBlue);
			}
		}
		for (int r = smoothed; r < rows - smoothed; r++) {
			for (int i = r * w + smoothed, end = r * w + w - smoothed; i < end; i++) {
				smooth(i, w, luma, rangeScale[i], rowRed, rowGreen, rowBlue, red, green, blue);
			}
		}
	}

	/** Averages the five samples at {@code i + k * step}, {@code k = -2..2}, into the target planes at {@code i}. */
	private static void smooth(int i, int step, float[] luma, float scale, float[] red, float[] green, float[] blue,
			float[] targetRed, float[] targetGreen, float[] targetBlue) {
		float centre = luma[i];
		int farBefore = i - 2 * step;
		int before = i - step;
		int after = i + step;
		int farAfter = i + 2 * step;
		float wFarBefore = FAR * range(luma[farBefore] - centre, scale);
		float wBefore = NEAR * range(luma[before] - centre, scale);
		float wAfter = NEAR * range(luma[after] - centre, scale);
		float wFarAfter = FAR * range(luma[farAfter] - centre, scale);
		float normalise = 1 / (1 + wFarBefore + wBefore + wAfter + wFarAfter);
		targetRed[i] = (red[i] + wFarBefore * red[farBefore] + wBefore * red[before] + wAfter * red[after]
				+ wFarAfter * red[farAfter]) * normalise;
		targetGreen[i] = (green[i] + wFarBefore * green[farBefore] + wBefore * green[before]
				+ wAfter * green[after] + wFarAfter * green[farAfter]) * normalise;
		targetBlue[i] = (blue[i] + wFarBefore * blue[farBefore] + wBefore * blue[before] + wAfter * blue[after]
				+ wFarAfter * blue[farAfter]) * normalise;
	}

	/** Branch-free: a difference beyond the table (the cast saturates) lands on the final entry, weight 0. */
	private static float range(float difference, float scale) {
		return RANGE_WEIGHT[Math.min((int) (difference * difference * scale), TABLE_SIZE)];
	}

	private static float[] rangeWeights() {
		float[] table = new float[TABLE_SIZE + 1];
		for (int i = 0; i < TABLE_SIZE; i++) {
			table[i] = (float) Math.exp(-(i + 0.5) * TABLE_RANGE / TABLE_SIZE);
		}
		return table;
	}
}
