package camera.hal.sim.internal.scene;

/**
 * Derives well-spread 64-bit values from a seed and some indices (the SplitMix64 finaliser), so that every
 * glyph, band and frame gets its own independent stream while everything stays reproducible from one seed.
 */
public final class SeedMixer {
	private SeedMixer() {
	}

	/** @return a value that changes in about half its bits when any bit of seed or index changes */
	public static long mix(long seed, long index) {
		long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	/** @return a value in [0, 1) drawn from seed and index */
	public static double unit(long seed, long index) {
		return (mix(seed, index) >>> 11) * 0x1.0p-53;
	}
}
