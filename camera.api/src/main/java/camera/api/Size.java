package camera.api;

/**
 * An image size in pixels.
 *
 * @param width  at least 1
 * @param height at least 1
 */
public record Size(int width, int height) {
	public Size {
		if (width < 1 || height < 1) {
			throw new CameraException(CameraErrorCode.INVALID_ARGUMENT,
					"a size needs a positive width and height, not " + width + "x" + height);
		}
	}

	/**
	 * Parses {@code WIDTHxHEIGHT}, e.g. {@code 4000x3000}.
	 *
	 * @throws CameraException INVALID_ARGUMENT for anything else
	 */
	public static Size parse(String text) {
		if (text != null) {
			String[] parts = text.trim().toLowerCase(java.util.Locale.ROOT).split("x", -1);
			if (parts.length == 2 && parts[0].matches("\\d{1,5}") && parts[1].matches("\\d{1,5}")) {
				return new Size(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
			}
		}
		throw new CameraException(CameraErrorCode.INVALID_ARGUMENT, "not a size of the form WIDTHxHEIGHT: " + text);
	}

	/** @return the number of pixels */
	public long pixels() {
		return (long) width * height;
	}

	@Override
	public String toString() {
		return width + "x" + height;
	}
}
