package camera.hal.sim.internal.sensor;

import camera.hal.sim.internal.scene.SeedMixer;

/**
 * The random numbers of one band of rows: one xorshift64 generator per column, all stepped once per row, so a
 * whole row of deviates comes out of a loop the compiler vectorises (a table look-up per pixel costs about
 * three times as much). Each deviate is the sum of the four 16-bit parts of a 64-bit draw, centred and scaled:
 * mean 0 and variance 1 exactly, bell-shaped (Irwin-Hall of four uniforms, kurtosis 2.7 instead of 3), bounded
 * at about 3.46 standard deviations. Not thread-safe; one per band.
 */
final class NoiseLanes {
	/** Four uniforms on 0..65535 have mean 4 x 32767.5 and variance 4 x 65536^2 / 12 (near enough). */
	private static final long CENTRE = 2L * 65535;
	private static final float SCALE = (float) (Math.sqrt(3.0) / 65536.0);

	private final long[] states;

	/**
	 * @param seed  the frame's noise seed
	 * @param band  which band of rows, so every band of every frame draws its own numbers
	 * @param width one generator per column
	 */
	NoiseLanes(long seed, long band, int width) {
		long bandSeed = SeedMixer.mix(seed, band);
		states = new long[width];
		for (int column = 0; column < width; column++) {
			long state = SeedMixer.mix(bandSeed, column);
			states[column] = state == 0 ? 0x9E3779B97F4A7C15L : state;
		}
	}

	/** Fills deviates with the next row's standard normal deviates, one per column. */
	void nextRow(float[] deviates) {
		for (int column = 0; column < deviates.length; column++) {
			long state = states[column];
			state ^= state << 13;
			state ^= state >>> 7;
			state ^= state << 17;
			states[column] = state;
			long sum = (state & 0xFFFF) + ((state >>> 16) & 0xFFFF) + ((state >>> 32) & 0xFFFF) + (state >>> 48);
			deviates[column] = (sum - CENTRE) * SCALE;
		}
	}
}
