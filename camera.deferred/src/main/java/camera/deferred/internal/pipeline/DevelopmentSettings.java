package camera.deferred.internal.pipeline;

/**
 * The tunables of a development, taken from the component configuration.
 *
 * @param whiteBalance    channel gains before the tone curve
 * @param denoiseStrength multiple of the expected noise the denoiser smooths away; 0 is off
 * @param sharpenAmount   unsharp mask amount; 0 is off
 * @param stripRows       rows per parallel strip of the full pipeline
 */
record DevelopmentSettings(WhiteBalance whiteBalance, double denoiseStrength, double sharpenAmount, int stripRows) {
	DevelopmentSettings {
		if (!(denoiseStrength >= 0) || !(sharpenAmount >= 0) || stripRows < 8) {
			throw new IllegalArgumentException("bad development settings: denoise " + denoiseStrength + ", sharpen "
					+ sharpenAmount + ", strip rows " + stripRows);
		}
	}
}
