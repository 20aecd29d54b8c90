package camera.deferred.internal.pipeline;

/**
 * A 5x5 cross bilateral filter: every colour is averaged with the neighbours whose luma is close, "close" being
 * measured against the noise expected at that brightness after merging. Chroma noise (the blotches of high ISO)
 * goes away with the luma noise while edges, which differ in luma by far more than the noise, stay.
 */
final class LumaGuidedDenoiser {
	private static final int RADIUS = 2;
	private static final int TABLE_SIZE = 1024;
	private static final float TABLE_RANGE = 8;
	private static final float[] RANGE_WEIGHT = rangeWeights();
	private static final float[] SPATIAL_WEIGHT = spatialWeights(1.5);

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

	/** Reads red, green, blue over the workspace less 2 pixels, writes the smooth planes less 4 pixels. */
	void denoise(StripWorkspace workspace, int rows) {
		int w = workspace.paddedWidth;
		float[] red = workspace.red;
		float[] green = workspace.green;
		float[] blue = workspace.blue;
		float[] luma = workspace.luma;
		for (int r = 2; r < rows - 2; r++) {
			for (int i = r * w + 2, end = r * w + w - 2; i < end; i++) {
				luma[i] = (red[i] + 2 * green[i] + blue[i]) * 0.25f;
			}
		}
		if (varianceScale == 0) {
			copyInner(workspace, rows);
			return;
		}
		float tableScale = TABLE_SIZE / TABLE_RANGE;
		for (int r = 4; r < rows - 4; r++) {
			for (int i = r * w + 4, end = r * w + w - 4; i < end; i++) {
				float centre = luma[i];
				float expected = (float) (varianceScale * noise.variance(centre));
				float inverse = tableScale / (2 * expected);
				float sumRed = 0, sumGreen = 0, sumBlue = 0, sumWeight = 0;
				int tap = 0;
				for (int dy = -RADIUS; dy <= RADIUS; dy++) {
					int rowStart = i + dy * w;
					for (int dx = -RADIUS; dx <= RADIUS; dx++, tap++) {
						int j = rowStart + dx;
						float difference = luma[j] - centre;
						int index = (int) (difference * difference * inverse);
						if (index < TABLE_SIZE) {
							float weight = SPATIAL_WEIGHT[tap] * RANGE_WEIGHT[index];
							sumRed += weight * red[j];
							sumGreen += weight * green[j];
							sumBlue += weight * blue[j];
							sumWeight += weight;
						}
					}
				}
				float normalise = 1 / sumWeight;
				workspace.smoothRed[i] = sumRed * normalise;
				workspace.smoothGreen[i] = sumGreen * normalise;
				workspace.smoothBlue[i] = sumBlue * normalise;
			}
		}
	}

	private static void copyInner(StripWorkspace workspace, int rows) {
		int w = workspace.paddedWidth;
		for (int r = 4; r < rows - 4; r++) {
			int start = r * w + 4;
			System.arraycopy(workspace.red, start, workspace.smoothRed, start, w - 8);
			System.arraycopy(workspace.green, start, workspace.smoothGreen, start, w - 8);
			System.arraycopy(workspace.blue, start, workspace.smoothBlue, start, w - 8);
		}
	}

	private static float[] rangeWeights() {
		float[] table = new float[TABLE_SIZE];
		for (int i = 0; i < TABLE_SIZE; i++) {
			table[i] = (float) Math.exp(-(i + 0.5) * TABLE_RANGE / TABLE_SIZE);
		}
		return table;
	}

	private static float[] spatialWeights(double sigma) {
		float[] weights = new float[(2 * RADIUS + 1) * (2 * RADIUS + 1)];
		int tap = 0;
		for (int dy = -RADIUS; dy <= RADIUS; dy++) {
			for (int dx = -RADIUS; dx <= RADIUS; dx++) {
				weights[tap++] = (float) Math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma));
			}
		}
		return weights;
	}
}
