package camera.develop.internal.pipeline;

/**
 * The tone curve every development path ends with: linear light in {@code [0, 1]} to 8-bit sRGB through a
 * table, so phase 1, phase 2 and the reference share the exact same mapping.
 */
final class ToneCurve {
	static final int SIZE = 1 << 16;
	private static final byte[] TABLE = table();

	private ToneCurve() {
	}

	/** @param index linear light scaled to {@code [0, SIZE - 1]}; values outside are clipped */
	static byte encode(int index) {
		return TABLE[index < 0 ? 0 : index >= SIZE ? SIZE - 1 : index];
	}

	private static byte[] table() {
		byte[] table = new byte[SIZE];
		for (int i = 0; i < SIZE; i++) {
			table[i] = (byte) Math.round(255 * srgb(shoulder(i / (double) (SIZE - 1))));
		}
		return table;
	}

	/** A gentle highlight roll-off above 80 % so near-white detail is not clipped flat. */
	private static double shoulder(double linear) {
		double knee = 0.8;
		if (linear <= knee) {
			return linear;
		}
		double excess = (linear - knee) / (1 - knee);
		return knee + (1 - knee) * (excess * (2 - excess));
	}

	private static double srgb(double linear) {
		return linear <= 0.0031308 ? 12.92 * linear : 1.055 * Math.pow(linear, 1 / 2.4) - 0.055;
	}
}
