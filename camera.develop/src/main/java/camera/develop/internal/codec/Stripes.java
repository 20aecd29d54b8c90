package camera.develop.internal.codec;

/**
 * How an image is cut into horizontal stripes that are encoded apart and joined with restart markers. Every
 * stripe but the last holds the same whole number of MCU rows, because a restart interval counts MCUs and is the
 * same for the whole scan; the last stripe takes what is left, which a decoder reads as a shorter final interval.
 *
 * @param stripeHeight rows of every stripe but the last, a multiple of the MCU height
 * @param count        how many stripes
 */
record Stripes(int width, int height, int stripeHeight, int count) {
	/** MCU side for 4:2:0 subsampling. */
	static final int MCU = 16;
	/** A stripe smaller than this costs more to hand to another thread than it saves. */
	static final int MINIMUM_ROWS = 128;
	private static final int LARGEST_RESTART_INTERVAL = 0xFFFF;

	/**
	 * @param threads how many threads can encode at once
	 * @return about two stripes per thread (so one slow thread does not hold up the rest), or a single stripe
	 *         when the image is too small to be worth cutting
	 */
	static Stripes plan(int width, int height, int threads) {
		int mcuRows = (height + MCU - 1) / MCU;
		int mcusPerRow = (width + MCU - 1) / MCU;
		int wanted = Math.min(2 * threads, height / MINIMUM_ROWS);
		if (threads < 2 || wanted < 2) {
			return new Stripes(width, height, height, 1);
		}
		int rowsPerStripe = (mcuRows + wanted - 1) / wanted;
		rowsPerStripe = Math.min(rowsPerStripe, LARGEST_RESTART_INTERVAL / mcusPerRow);
		if (rowsPerStripe < 1) {
			return new Stripes(width, height, height, 1);
		}
		int stripeHeight = rowsPerStripe * MCU;
		return new Stripes(width, height, stripeHeight, (height + stripeHeight - 1) / stripeHeight);
	}

	int firstRow(int stripe) {
		return stripe * stripeHeight;
	}

	int rows(int stripe) {
		return Math.min(stripeHeight, height - firstRow(stripe));
	}

	/** @return MCUs between two restart markers: the MCUs of one full stripe */
	int restartInterval() {
		return (width + MCU - 1) / MCU * (stripeHeight / MCU);
	}
}
