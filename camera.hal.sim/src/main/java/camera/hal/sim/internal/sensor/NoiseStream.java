package camera.hal.sim.internal.sensor;

import camera.hal.sim.internal.scene.SeedMixer;

/** A xorshift64* generator: a few cycles per 64 random bits, plenty for sensor noise. Not thread-safe. */
final class NoiseStream {
	private long state;

	NoiseStream(long seed, long stream) {
		long mixed = SeedMixer.mix(seed, stream);
		this.state = mixed == 0 ? 0x9E3779B97F4A7C15L : mixed;
	}

	long next() {
		state ^= state >>> 12;
		state ^= state << 25;
		state ^= state >>> 27;
		return state * 0x2545F4914F6CDD1DL;
	}
}
