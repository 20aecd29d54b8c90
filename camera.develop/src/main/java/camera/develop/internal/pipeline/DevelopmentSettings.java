package camera.develop.internal.pipeline;

/**
 * The tunables of a development, taken from the component configuration.
 *
 * @param whiteBalance       channel gains before the tone curve
 * @param demosaicCorrection weight of the demosaic's gradient correction, 0..1
 * @param denoiseStrength multiple of the expected noise the denoiser smooths away; 0 is off
 * @param sharpenAmount   unsharp mask amount; 0 is off
 * @param stripRows       rows per parallel strip of the full pipeline
 */
record DevelopmentSettings(WhiteBalance whiteBalance, double demosaicCorrection, double denoiseStrength,
		double sharpenAmount, int stripRows) {
	DevelopmentSettings {
		if (!(demosaicCorrection >= 0 && demosaicCorrection <= 1) || !(denoiseStrength >= 0) || !(sharpenAmount >= 0) || stripRows < 8) {
			throw new IllegalArgumentException("bad development settings: demosaic correction " + demosaicCorrection
					+ ", denoise " + denoiseStrength + ", sharpen "
					+ sharpenAmount + ", strip rows " + stripRows);
		}
	}
}
