package camera.develop.internal.pipeline;

/**
 * Sharpening on luma only: each colour gets {@code amount} times the difference between the pixel's luma and its
 * 3x3 Gaussian blur, so edges gain contrast without colour fringes. Writes the final pixels through the output
 * transform.
 */
final class UnsharpMask {
	private final float amount;
	private final ColourOutput output;

	UnsharpMask(double amount, ColourOutput output) {
		this.amount = (float) amount;
		this.output = output;
	}

	/**
	 * Reads the denoised colour planes over the workspace less {@link StripWorkspace#DENOISE_BORDER} pixels and
	 * writes the inner strip (less {@link StripWorkspace#PAD}) into the image rows starting at
	 * {@code firstImageRow}.
	 */
	void sharpenInto(StripWorkspace workspace, int rows, int firstImageRow, int imageWidth, byte[] rgb) {
		int w = workspace.paddedWidth;
		float[] red = workspace.red;
		float[] green = workspace.green;
		float[] blue = workspace.blue;
		float[] luma = workspace.luma;
		int smoothed = StripWorkspace.DENOISE_BORDER;
		for (int r = smoothed; r < rows - smoothed; r++) {
			for (int i = r * w + smoothed, end = r * w + w - smoothed; i < end; i++) {
				luma[i] = (red[i] + 2 * green[i] + blue[i]) * 0.25f;
			}
		}
		int pad = StripWorkspace.PAD;
		for (int r = pad; r < rows - pad; r++) {
			int outputOffset = (firstImageRow + r - pad) * imageWidth * 3;
			for (int c = pad; c < pad + imageWidth; c++) {
				int i = r * w + c;
				float blurred = (4 * luma[i] + 2 * (luma[i - 1] + luma[i + 1] + luma[i - w] + luma[i + w])
						+ luma[i - w - 1] + luma[i - w + 1] + luma[i + w - 1] + luma[i + w + 1]) * 0.0625f;
				float detail = amount * (luma[i] - blurred);
				output.write(red[i] + detail, green[i] + detail, blue[i] + detail, rgb, outputOffset);
				outputOffset += 3;
			}
		}
	}
}
