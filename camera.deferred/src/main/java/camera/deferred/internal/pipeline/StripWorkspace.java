package camera.deferred.internal.pipeline;

/**
 * The planes one worker needs to develop a strip of rows, allocated once per worker and development and reused
 * for every strip. Each plane is the strip plus {@link #PAD} mirrored pixels on every side, which is what the
 * demosaic (2), denoise (2) and sharpen (1) neighbourhoods consume on the way in.
 */
final class StripWorkspace {
	static final int PAD = 5;

	final int paddedWidth;
	final int paddedHeight;
	final float[] mosaic;
	final float[] red;
	final float[] green;
	final float[] blue;
	final float[] luma;
	final float[] smoothRed;
	final float[] smoothGreen;
	final float[] smoothBlue;
	final BurstMerger.Scratch merge;

	StripWorkspace(int width, int stripRows) {
		paddedWidth = width + 2 * PAD;
		paddedHeight = stripRows + 2 * PAD;
		int size = paddedWidth * paddedHeight;
		mosaic = new float[size];
		red = new float[size];
		green = new float[size];
		blue = new float[size];
		luma = new float[size];
		smoothRed = new float[size];
		smoothGreen = new float[size];
		smoothBlue = new float[size];
		merge = new BurstMerger.Scratch(width);
	}
}
