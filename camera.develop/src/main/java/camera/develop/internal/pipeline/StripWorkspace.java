package camera.develop.internal.pipeline;

/**
 * The planes one worker needs to develop a strip of rows, allocated once per worker and development and reused
 * for every strip. Each plane is the strip plus {@link #PAD} mirrored pixels on every side, which is what the
 * demosaic (3), denoise (2) and sharpen (1) neighbourhoods consume on the way in.
 */
final class StripWorkspace {
	/** Rows and columns at each edge that the denoiser leaves unfilled: the demosaic's border plus its reach. */
	static final int DENOISE_BORDER = DirectionalDemosaic.BORDER + 2;
	/** The sharpening reaches one pixel further. */
	static final int PAD = DENOISE_BORDER + 1;

	final int paddedWidth;
	final int paddedHeight;
	final float[] mosaic;
	final float[] red;
	final float[] green;
	final float[] blue;
	final float[] luma;
	/** Per pixel, how fast the denoiser's range weight falls with the luma difference. */
	final float[] rangeScale;
	/** The denoiser's row pass, before its column pass. */
	final float[] rowRed;
	final float[] rowGreen;
	final float[] rowBlue;
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
		rangeScale = new float[size];
		rowRed = new float[size];
		rowGreen = new float[size];
		rowBlue = new float[size];
		merge = new BurstMerger.Scratch(width);
	}
}
