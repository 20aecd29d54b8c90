package camera.hal.sim.internal.sensor;

import camera.hal.sim.internal.scene.TestScene;

/**
 * The scene as the sensor's colour filter array sees it, before vignetting and noise: for each pixel, the
 * expected signal in DN above black of the one colour its RGGB site records. It covers the frame plus an even
 * margin on every side, so a shaken frame still finds scene under every pixel. Rendered once per camera
 * configuration and size, then only read: thread-safe after construction.
 */
final class MosaicScene {
	final int width;
	final int height;
	final int margin;
	final int planeWidth;
	/** Row-major, planeWidth x (height + 2 margin). */
	final float[] signal;

	private MosaicScene(int width, int height, int margin) {
		this.width = width;
		this.height = height;
		this.margin = margin;
		this.planeWidth = width + 2 * margin;
		this.signal = new float[Math.multiplyExact(planeWidth, height + 2 * margin)];
	}

	static MosaicScene render(TestScene scene, int width, int height, int margin, int fullScale, RowBands bands) {
		MosaicScene mosaic = new MosaicScene(width, height, margin);
		bands.run(height + 2 * margin, (firstRow, endRow) -> {
			float[] rgb = new float[3];
			for (int planeY = firstRow; planeY < endRow; planeY++) {
				int y = planeY - margin;
				int row = planeY * mosaic.planeWidth;
				for (int planeX = 0; planeX < mosaic.planeWidth; planeX++) {
					int x = planeX - margin;
					scene.sample(x, y, rgb);
					mosaic.signal[row + planeX] = rgb[channelAt(x, y)] * fullScale;
				}
			}
		});
		return mosaic;
	}

	/** @return 0 red, 1 green, 2 blue: the colour of the RGGB site at x, y (an even margin keeps the phase) */
	static int channelAt(int x, int y) {
		boolean evenRow = (y & 1) == 0;
		boolean evenColumn = (x & 1) == 0;
		if (evenRow) {
			return evenColumn ? 0 : 1;
		}
		return evenColumn ? 1 : 2;
	}
}
