package camera.hal.sim.internal.scene;

/**
 * The 24 patches of the classic colour rendition chart, as linear-light Rec. 709 reflectances. The published
 * values are 8-bit sRGB; they are decoded once here because the scene lives in linear light.
 */
final class ColorChart {
	static final int COLUMNS = 6;
	static final int ROWS = 4;

	private static final int[][] SRGB = {
			{ 115, 82, 68 }, { 194, 150, 130 }, { 98, 122, 157 }, { 87, 108, 67 }, { 133, 128, 177 }, { 103, 189, 170 },
			{ 214, 126, 44 }, { 80, 91, 166 }, { 193, 90, 99 }, { 94, 60, 108 }, { 157, 188, 64 }, { 224, 163, 46 },
			{ 56, 61, 150 }, { 70, 148, 73 }, { 175, 54, 60 }, { 231, 199, 31 }, { 187, 86, 149 }, { 8, 133, 161 },
			{ 243, 243, 242 }, { 200, 200, 200 }, { 160, 160, 160 }, { 122, 122, 121 }, { 85, 85, 85 }, { 52, 52, 52 } };

	/** Kept below full scale so that noise on the white patch rarely clips. */
	private static final float PEAK = 0.9f;

	private final float[][] linear = new float[SRGB.length][3];

	ColorChart() {
		for (int patch = 0; patch < SRGB.length; patch++) {
			for (int channel = 0; channel < 3; channel++) {
				linear[patch][channel] = PEAK * decodeSrgb(SRGB[patch][channel] / 255f);
			}
		}
	}

	/** @return the linear value of one channel of the patch at column, row */
	float patch(int column, int row, int channel) {
		return linear[row * COLUMNS + column][channel];
	}

	private static float decodeSrgb(float encoded) {
		return encoded <= 0.04045f ? encoded / 12.92f : (float) Math.pow((encoded + 0.055) / 1.055, 2.4);
	}
}
