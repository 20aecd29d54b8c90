package camera.hal.sim.internal.sensor;

import java.util.SplittableRandom;

import camera.hal.sim.internal.scene.SeedMixer;

/**
 * Standard normal deviates drawn once, from a fixed seed, for every frame of every simulated camera. A row of
 * noise is a slice of the table that starts where the frame's seed and the row say: reading a slice costs no more
 * than reading the scene, where drawing a deviate per pixel cost a third of the frame. Slices start at random among
 * a million places, so the same pixel of two frames, and two rows of one frame, get independent deviates (two
 * slices coincide with odds of one in a million).
 */
final class NoiseTable {
	/** Deviates in the table: 4 MiB, shared by all frames. */
	static final int SIZE = 1 << 20;
	/** The longest slice one start serves; a wider row takes several. */
	static final int SLICE = 1 << 12;
	private static final long TABLE_SEED = 0x5EED_0F_D15EL;
	private static final float[] DEVIATES = draw();

	private NoiseTable() {
	}

	/** @return the deviate at a position; {@link #start} gives where a slice begins */
	static float[] deviates() {
		return DEVIATES;
	}

	/** @return where the slice for this frame, row and slice of the row begins; {@link #SLICE} deviates follow */
	static int start(long frameSeed, int row, int slice) {
		long draw = SeedMixer.mix(SeedMixer.mix(frameSeed, row), slice);
		return (int) Long.remainderUnsigned(draw, SIZE - SLICE + 1);
	}

	/** Draws the table and scales it to mean 0 and variance 1 exactly, so no frame inherits the sample's bias. */
	private static float[] draw() {
		SplittableRandom random = new SplittableRandom(TABLE_SEED);
		double[] drawn = new double[SIZE];
		double sum = 0;
		for (int i = 0; i < SIZE; i++) {
			drawn[i] = random.nextGaussian();
			sum += drawn[i];
		}
		double mean = sum / SIZE;
		double squares = 0;
		for (double value : drawn) {
			squares += (value - mean) * (value - mean);
		}
		double scale = 1 / Math.sqrt(squares / SIZE);
		float[] deviates = new float[SIZE];
		for (int i = 0; i < SIZE; i++) {
			deviates[i] = (float) ((drawn[i] - mean) * scale);
		}
		return deviates;
	}
}
