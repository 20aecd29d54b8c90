package camera.deferred.internal.pipeline;

/**
 * The gradient-corrected bilinear demosaic of Malvar, He and Cutler (2004): bilinear interpolation corrected by
 * the Laplacian of the known colour at the site, with the paper's 5x5 kernels. Exact on flat colour fields.
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
	 */
	static void demosaic(StripWorkspace workspace, BayerMosaic colours, int virtualTop, int rows) {
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
				rowColour[i] = (5 * centre + 4 * (m[i - 1] + m[i + 1]) - farRow - diagonal + 0.5f * farColumn)
						* 0.125f;
				columnColour[i] = (5 * centre + 4 * (m[i - w] + m[i + w]) - farColumn - diagonal + 0.5f * farRow)
						* 0.125f;
			}
			for (int c = siteStart; c < end; c += 2) {
				int i = r * w + c;
				float centre = m[i];
				float cross = m[i - 1] + m[i + 1] + m[i - w] + m[i + w];
				float far = m[i - 2] + m[i + 2] + m[i - 2 * w] + m[i + 2 * w];
				float diagonal = m[i - w - 1] + m[i - w + 1] + m[i + w - 1] + m[i + w + 1];
				rowColour[i] = centre;
				green[i] = (4 * centre + 2 * cross - far) * 0.125f;
				columnColour[i] = (6 * centre + 2 * diagonal - 1.5f * far) * 0.125f;
			}
		}
	}
}
