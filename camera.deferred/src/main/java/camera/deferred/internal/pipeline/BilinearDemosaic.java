package camera.deferred.internal.pipeline;

/**
 * Phase 1's development of one Bayer frame at full size: bilinear interpolation of the missing colours straight
 * into the output transform. Works on a band of rows so bands can run in parallel.
 */
final class BilinearDemosaic {
	private final BayerMosaic mosaic;
	private final ColourOutput output;

	BilinearDemosaic(BayerMosaic mosaic, ColourOutput output) {
		this.mosaic = mosaic;
		this.output = output;
	}

	/** Develops rows {@code [firstRow, endRow)} into {@code rgb}. */
	void developRows(int firstRow, int endRow, byte[] rgb) {
		int width = mosaic.width;
		short[] above = new short[width + 2];
		short[] row = new short[width + 2];
		short[] below = new short[width + 2];
		for (int y = firstRow; y < endRow; y++) {
			readPadded(BayerMosaic.mirror(y - 1, mosaic.height), above);
			readPadded(y, row);
			readPadded(BayerMosaic.mirror(y + 1, mosaic.height), below);
			developRow(y, above, row, below, rgb);
		}
	}

	private void readPadded(int y, short[] padded) {
		mosaic.readRow(y, padded, 1);
		padded[0] = padded[2];
		padded[mosaic.width + 1] = padded[mosaic.width - 1];
	}

	private void developRow(int y, short[] above, short[] row, short[] below, byte[] rgb) {
		int width = mosaic.width;
		float black = mosaic.blackLevel;
		boolean redRow = mosaic.rowColour(y) == BayerMosaic.RED;
		int greenStart = mosaic.greenParity(y);
		int rowOffset = y * width * 3;
		for (int x = greenStart; x < width; x += 2) {
			int p = x + 1;
			float green = (row[p] & 0xFFFF) - black;
			float inRow = ((row[p - 1] & 0xFFFF) + (row[p + 1] & 0xFFFF)) * 0.5f - black;
			float inColumn = ((above[p] & 0xFFFF) + (below[p] & 0xFFFF)) * 0.5f - black;
			if (redRow) {
				output.write(inRow, green, inColumn, rgb, rowOffset + 3 * x);
			} else {
				output.write(inColumn, green, inRow, rgb, rowOffset + 3 * x);
			}
		}
		for (int x = greenStart ^ 1; x < width; x += 2) {
			int p = x + 1;
			float own = (row[p] & 0xFFFF) - black;
			float green = ((row[p - 1] & 0xFFFF) + (row[p + 1] & 0xFFFF) + (above[p] & 0xFFFF)
					+ (below[p] & 0xFFFF)) * 0.25f - black;
			float diagonal = ((above[p - 1] & 0xFFFF) + (above[p + 1] & 0xFFFF) + (below[p - 1] & 0xFFFF)
					+ (below[p + 1] & 0xFFFF)) * 0.25f - black;
			if (redRow) {
				output.write(own, green, diagonal, rgb, rowOffset + 3 * x);
			} else {
				output.write(diagonal, green, own, rgb, rowOffset + 3 * x);
			}
		}
	}
}
