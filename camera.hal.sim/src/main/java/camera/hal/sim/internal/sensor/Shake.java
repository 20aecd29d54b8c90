package camera.hal.sim.internal.sensor;

import camera.hal.sim.internal.scene.SeedMixer;

/**
 * How far the scene moved between the first frame of a burst and a later one, in whole pixels. The first frame
 * never moves; the others move by up to {@code shakePixels} in each direction, always by an even number of
 * pixels so that a shifted frame keeps its Bayer phase (a red site still sees the scene's red of the shifted
 * position) and aligning a burst only needs whole 2x2 blocks.
 *
 * @param dx scene offset to the right: sensor pixel x sees the scene at x + dx
 * @param dy scene offset downwards
 */
public record Shake(int dx, int dy) {
	/** No movement. */
	public static final Shake NONE = new Shake(0, 0);

	/**
	 * @param captureSeed the capture's noise seed
	 * @param frameIndex  the frame within the burst, 0 for the first
	 * @param shakePixels the largest movement, rounded down to an even number
	 */
	public static Shake of(long captureSeed, int frameIndex, int shakePixels) {
		int steps = shakePixels / 2;
		if (frameIndex == 0 || steps == 0) {
			return NONE;
		}
		long random = SeedMixer.mix(captureSeed, -1L - frameIndex);
		int choices = 2 * steps + 1;
		int dx = 2 * ((int) Long.remainderUnsigned(random, choices) - steps);
		int dy = 2 * ((int) Long.remainderUnsigned(random >>> 32, choices) - steps);
		return new Shake(dx, dy);
	}

	/** @return the margin a scene needs around the frame for this much shake: even, at least 0 */
	public static int margin(int shakePixels) {
		return Math.max(0, shakePixels / 2 * 2);
	}
}
