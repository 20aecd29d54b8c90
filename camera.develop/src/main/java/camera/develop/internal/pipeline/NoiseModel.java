package camera.develop.internal.pipeline;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The sensor noise of one frame as a variance that grows with the signal ({@code read + shot * level}), measured
 * on the frame itself from the difference of the two green sites of each Bayer quad, which sees almost only noise
 * where the scene is smooth. Samples are drawn from the whole frame and the spread is read from the lower quartile
 * of the differences, so detail (which only ever widens them) may cover most of a brightness level without
 * inflating its noise.
 */
record NoiseModel(double readVariance, double shotGain) {
	private static final int LEVELS = 16;
	private static final int SAMPLES_PER_LEVEL = 2048;
	private static final int MINIMUM_SAMPLES = 32;
	/** The lower quartile of the absolute value of a standard normal deviate. */
	private static final double NORMAL_ABSOLUTE_QUARTILE = 0.31864;

	/** @param level a black-subtracted sample on the raw scale */
	double variance(double level) {
		return readVariance + shotGain * Math.max(level, 0);
	}

	static NoiseModel measure(BayerMosaic mosaic) {
		int range = mosaic.whiteLevel - mosaic.blackLevel;
		int[][] differences = new int[LEVELS][SAMPLES_PER_LEVEL];
		int[] seen = new int[LEVELS];
		SplittableRandom random = new SplittableRandom(0x5EED);
		short[] top = new short[mosaic.width];
		short[] bottom = new short[mosaic.width];
		int rowStep = Math.max(2, (mosaic.height / 256) & ~1);
		int columnStep = Math.max(2, (mosaic.width / 512) & ~1);
		for (int y = 0; y + 1 < mosaic.height; y += rowStep) {
			mosaic.readRow(y, top, 0);
			mosaic.readRow(y + 1, bottom, 0);
			int topGreen = mosaic.greenParity(y);
			for (int x = 0; x + 1 < mosaic.width; x += columnStep) {
				int first = top[x + topGreen] & 0xFFFF;
				int second = bottom[x + (topGreen ^ 1)] & 0xFFFF;
				double level = (first + second) * 0.5 - mosaic.blackLevel;
				int bin = (int) Math.min(LEVELS - 1, Math.max(0, level * LEVELS / range));
				// Reservoir sampling keeps every part of the frame equally likely in a full level.
				int slot = seen[bin] < SAMPLES_PER_LEVEL ? seen[bin] : random.nextInt(seen[bin] + 1);
				seen[bin]++;
				if (slot < SAMPLES_PER_LEVEL) {
					differences[bin][slot] = Math.abs(first - second);
				}
			}
		}
		int[] counts = new int[LEVELS];
		for (int bin = 0; bin < LEVELS; bin++) {
			counts[bin] = Math.min(seen[bin], SAMPLES_PER_LEVEL);
		}
		return fit(differences, counts, range);
	}

	/** Least squares of the per-level variance (from the lower quartile) against the level. */
	private static NoiseModel fit(int[][] differences, int[] counts, int range) {
		double sumWeights = 0, sumLevel = 0, sumVariance = 0, sumLevelLevel = 0, sumLevelVariance = 0;
		for (int bin = 0; bin < LEVELS; bin++) {
			if (counts[bin] < MINIMUM_SAMPLES) {
				continue;
			}
			int[] sorted = Arrays.copyOf(differences[bin], counts[bin]);
			Arrays.sort(sorted);
			double sigmaOfDifference = sorted[sorted.length / 4] / NORMAL_ABSOLUTE_QUARTILE;
			double variance = sigmaOfDifference * sigmaOfDifference / 2;
			double level = (bin + 0.5) * range / LEVELS;
			double weight = counts[bin];
			sumWeights += weight;
			sumLevel += weight * level;
			sumVariance += weight * variance;
			sumLevelLevel += weight * level * level;
			sumLevelVariance += weight * level * variance;
		}
		if (sumWeights == 0) {
			return new NoiseModel(1, 0);
		}
		double meanLevel = sumLevel / sumWeights;
		double meanVariance = sumVariance / sumWeights;
		double spread = sumLevelLevel / sumWeights - meanLevel * meanLevel;
		double slope = spread > 1e-9 ? (sumLevelVariance / sumWeights - meanLevel * meanVariance) / spread : 0;
		slope = Math.max(0, slope);
		double intercept = Math.max(1, meanVariance - slope * meanLevel);
		return new NoiseModel(intercept, slope);
	}
}
