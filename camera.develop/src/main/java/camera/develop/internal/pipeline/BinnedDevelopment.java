package camera.develop.internal.pipeline;

/**
 * Phase 1's development of one Bayer frame: each 2x2 quad becomes one pixel of a half-size image (red, the mean
 * of the two greens, blue), looked up from the raw samples straight to sRGB bytes. Binning halves the noise of
 * green, needs no interpolation and touches every sample once, which is what lets phase 1 stay within a frame
 * copy or two of the camera. Immutable; rows of the output can be developed in parallel.
 */
final class BinnedDevelopment {
	private final BayerMosaic mosaic;
	private final BinningTables tables;
	private final int redRow;
	private final int redColumn;
	private final int blueRow;
	private final int blueColumn;
	private final int firstGreenRow;
	private final int firstGreenColumn;
	private final int secondGreenRow;
	private final int secondGreenColumn;
	final int width;
	final int height;

	BinnedDevelopment(BayerMosaic mosaic, BinningTables tables) {
		this.mosaic = mosaic;
		this.tables = tables;
		width = mosaic.width / 2;
		height = mosaic.height / 2;
		int[] greens = new int[2];
		int greenCount = 0;
		int red = 0;
		int blue = 0;
		for (int site = 0; site < 4; site++) {
			switch (mosaic.channelAt(site & 1, site >> 1)) {
				case BayerMosaic.RED -> red = site;
				case BayerMosaic.BLUE -> blue = site;
				default -> greens[greenCount++] = site;
			}
		}
		redRow = red >> 1;
		redColumn = red & 1;
		blueRow = blue >> 1;
		blueColumn = blue & 1;
		firstGreenRow = greens[0] >> 1;
		firstGreenColumn = greens[0] & 1;
		secondGreenRow = greens[1] >> 1;
		secondGreenColumn = greens[1] & 1;
	}

	/** Develops output rows {@code [firstRow, endRow)} into {@code rgb}, a {@code width x height} image. */
	void developRows(int firstRow, int endRow, byte[] rgb) {
		short[][] quadRows = {new short[mosaic.width], new short[mosaic.width]};
		byte[] redTable = tables.red();
		byte[] greenTable = tables.greenPair();
		byte[] blueTable = tables.blue();
		short[] reds = quadRows[redRow];
		short[] blues = quadRows[blueRow];
		short[] firstGreens = quadRows[firstGreenRow];
		short[] secondGreens = quadRows[secondGreenRow];
		for (int y = firstRow; y < endRow; y++) {
			mosaic.readRow(2 * y, quadRows[0], 0);
			mosaic.readRow(2 * y + 1, quadRows[1], 0);
			int target = y * width * 3;
			for (int x = 0, quad = 0; x < width; x++, quad += 2, target += 3) {
				rgb[target] = redTable[reds[quad + redColumn] & 0xFFFF];
				rgb[target + 1] = greenTable[(firstGreens[quad + firstGreenColumn] & 0xFFFF)
						+ (secondGreens[quad + secondGreenColumn] & 0xFFFF)];
				rgb[target + 2] = blueTable[blues[quad + blueColumn] & 0xFFFF];
			}
		}
	}
}
