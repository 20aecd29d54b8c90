package camera.develop.internal.pipeline;

/**
 * An edge-directed demosaic: green first, interpolated at red and blue sites along the direction in which the
 * image changes least (Hamilton and Adams), corrected by the Laplacian of the site's own colour; then red and
 * blue as green plus the interpolated colour difference, which is smooth even where the image is not. Along an
 * edge this never averages across it, which is what keeps fine lines, stars and zone plates free of zippers.
 */
final class DirectionalDemosaic {
	/** Rows and columns at each edge of the workspace that the demosaic leaves unfilled. */
	static final int BORDER = 3;

	private DirectionalDemosaic() {
	}

	/**
	 * Fills the red, green and blue planes from the mosaic plane over the workspace less {@link #BORDER} pixels.
	 *
	 * @param colours    the mosaic whose site colours apply
	 * @param virtualTop the image row of the workspace's first row (may be negative: mirrored rows)
	 * @param rows       how many workspace rows hold data
	 * @param gain       weight of the Laplacian correction of green: 1 is Hamilton-Adams, 0 plain averages
	 */
	static void demosaic(StripWorkspace workspace, BayerMosaic colours, int virtualTop, int rows, float gain) {
		int w = workspace.paddedWidth;
		float[] m = workspace.mosaic;
		float[] green = workspace.green;
		float halfGain = 0.25f * gain;
		for (int r = 2; r < rows - 2; r++) {
			int siteStart = 2 + ((colours.greenParity(virtualTop + r) + StripWorkspace.PAD + 1) & 1);
			int greenStart = siteStart ^ 1;
			for (int c = greenStart, i = r * w + c; c < w - 2; c += 2, i += 2) {
				green[i] = m[i];
			}
			for (int c = siteStart, i = r * w + c; c < w - 2; c += 2, i += 2) {
				float centre = 2 * m[i];
				float horizontalLaplacian = centre - m[i - 2] - m[i + 2];
				float verticalLaplacian = centre - m[i - 2 * w] - m[i + 2 * w];
				float horizontal = Math.abs(m[i - 1] - m[i + 1]) + Math.abs(horizontalLaplacian);
				float vertical = Math.abs(m[i - w] - m[i + w]) + Math.abs(verticalLaplacian);
				float alongRow = (m[i - 1] + m[i + 1]) * 0.5f + halfGain * horizontalLaplacian;
				float alongColumn = (m[i - w] + m[i + w]) * 0.5f + halfGain * verticalLaplacian;
				green[i] = horizontal < vertical ? alongRow
						: vertical < horizontal ? alongColumn : (alongRow + alongColumn) * 0.5f;
			}
		}
		for (int r = BORDER; r < rows - BORDER; r++) {
			int virtualY = virtualTop + r;
			boolean redRow = colours.rowColour(virtualY) == BayerMosaic.RED;
			float[] rowColour = redRow ? workspace.red : workspace.blue;
			float[] columnColour = redRow ? workspace.blue : workspace.red;
			int greenStart = BORDER + ((colours.greenParity(virtualY) + StripWorkspace.PAD + BORDER) & 1);
			int siteStart = greenStart ^ 1;
			int end = w - BORDER;
			for (int c = greenStart, i = r * w + c; c < end; c += 2, i += 2) {
				float g = green[i];
				rowColour[i] = g + (m[i - 1] - green[i - 1] + m[i + 1] - green[i + 1]) * 0.5f;
				columnColour[i] = g + (m[i - w] - green[i - w] + m[i + w] - green[i + w]) * 0.5f;
			}
			for (int c = siteStart, i = r * w + c; c < end; c += 2, i += 2) {
				float g = green[i];
				rowColour[i] = m[i];
				columnColour[i] = g + (m[i - w - 1] - green[i - w - 1] + m[i - w + 1] - green[i - w + 1]
						+ m[i + w - 1] - green[i + w - 1] + m[i + w + 1] - green[i + w + 1]) * 0.25f;
			}
		}
	}
}
