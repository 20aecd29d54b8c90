package camera.hal.sim.internal.sensor;

import java.util.SplittableRandom;

/**
 * 65 536 standard normal deviates indexed by 16 random bits: one table look-up per pixel instead of a
 * Box-Muller transform. The table is standardised to mean 0 and variance 1 exactly, so noise statistics
 * match the model.
 */
final class GaussianTable {
	static final int MASK = 0xFFFF;
	static final float[] DEVIATES = build();

	private GaussianTable() {
	}

	private static float[] build() {
		SplittableRandom random = new SplittableRandom(0x5EED_6A55L);
		double[] values = new double[MASK + 1];
		double sum = 0;
		for (int i = 0; i < values.length; i++) {
			values[i] = random.nextGaussian();
			sum += values[i];
		}
		double mean = sum / values.length;
		double squares = 0;
		for (double value : values) {
			squares += (value - mean) * (value - mean);
		}
		double deviation = Math.sqrt(squares / values.length);
		float[] deviates = new float[values.length];
		for (int i = 0; i < values.length; i++) {
			deviates[i] = (float) ((values[i] - mean) / deviation);
		}
		return deviates;
	}
}
