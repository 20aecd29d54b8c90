package camera.api;

/** The clockwise rotation of a photo, written into its EXIF orientation. */
public enum ImageRotation {
	ROTATION_0(0), ROTATION_90(90), ROTATION_180(180), ROTATION_270(270);

	private final int degrees;

	ImageRotation(int degrees) {
		this.degrees = degrees;
	}

	/** @return the rotation in degrees */
	public int degrees() {
		return degrees;
	}

	/**
	 * @return the rotation of that many degrees
	 * @throws CameraException INVALID_ARGUMENT unless degrees is 0, 90, 180 or 270
	 */
	public static ImageRotation ofDegrees(int degrees) {
		for (ImageRotation r : values()) {
			if (r.degrees == degrees) {
				return r;
			}
		}
		throw new CameraException(CameraErrorCode.INVALID_ARGUMENT,
				"rotation must be 0, 90, 180 or 270 degrees, not " + degrees);
	}
}
