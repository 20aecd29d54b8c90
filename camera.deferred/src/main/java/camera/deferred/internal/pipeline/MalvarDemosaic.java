package camera.deferred.internal.pipeline;

/**
 * The gradient-corrected bilinear demosaic of Malvar, He and Cutler (2004): bilinear interpolation corrected by
 * the Laplacian of the known colour at the site, with the paper's 5x5 kernels. The correction can be weakened:
 * it assumes colours vary together, which saturated colour edges break (full strength overshoots there).
 * Exact on flat colour fields at any gain.
 */
final class MalvarDemosaic {
	private MalvarDemosaic() {
	}

	/**
	 * Fills the red, green and blue planes from the mosaic plane over the workspace less a 2-pixel border.
	 *
	 * @param colours    the mosaic whose site colours apply
	 * @param virtualTop the image row of the workspace's first row (may be negative: mirrored rows)
	 * @param rows       how many workspace rows hold data
	 * @param gain       weight of the gradient correction: 1 is the paper's filter, 0 plain bilinear
	 */
	static void demosaic(StripWorkspace workspace, BayerMosaic colours, int virtualTop, int rows, float gain) {
		int w = workspace.paddedWidth;
		float[] m = workspace.mosaic;
		for (int r = 2; r < rows - 2; r++) {
			int virtualY = virtualTop + r;
			boolean redRow = colours.rowColour(virtualY) == BayerMosaic.RED;
			float[] rowColour = redRow ? workspace.red : workspace.blue;
			float[] columnColour = redRow ? workspace.blue : workspace.red;
			float[] green = workspace.green;
			// Padded column c is image column c - PAD.
			int greenStart = 2 + ((colours.greenParity(virtualY) + StripWorkspace.PAD) & 1);
			int siteStart = greenStart ^ 1;
			int end = w - 2;
			for (int c = greenStart; c < end; c += 2) {
				int i = r * w + c;
				float centre = m[i];
				float diagonal = m[i - w - 1] + m[i - w + 1] + m[i + w - 1] + m[i + w + 1];
				float farRow = m[i - 2] + m[i + 2];
				float farColumn = m[i - 2 * w] + m[i + 2 * w];
				green[i] = centre;
				rowColour[i] = (m[i - 1] + m[i + 1]) * 0.5f
						+ gain * (5 * centre - farRow - diagonal + 0.5f * farColumn) * 0.125f;
				columnColour[i] = (m[i - w] + m[i + w]) * 0.5f
						+ gain * (5 * centre - farColumn - diagonal + 0.5f * farRow) * 0.125f;
			}
			for (int c = siteStart; c < end; c += 2) {
				int i = r * w + c;
				float centre = m[i];
				float cross = m[i - 1] + m[i + 1] + m[i - w] + m[i + w];
				float far = m[i - 2] + m[i + 2] + m[i - 2 * w] + m[i + 2 * w];
				float diagonal = m[i - w - 1] + m[i - w + 1] + m[i + w - 1] + m[i + w + 1];
				rowColour[i] = centre;
				green[i] = cross * 0.25f + gain * (4 * centre - far) * 0.125f;
				columnColour[i] = diagonal * 0.25f + gain * (6 * centre - 1.5f * far) * 0.125f;
			}
		}
	}
}
