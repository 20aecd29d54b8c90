package camera.api;

/**
 * How one photo is captured.
 *
 * @param quality  the JPEG quality; never {@code null}
 * @param rotation the rotation; never {@code null}
 * @param mirror   whether the image is mirrored horizontally
 * @param location where it was taken, or {@code null}
 */
public record PhotoCaptureSetting(QualityLevel quality, ImageRotation rotation, boolean mirror, Location location) {
	/** @throws CameraException INVALID_ARGUMENT for a null quality or rotation */
	public PhotoCaptureSetting {
		if (quality == null || rotation == null) {
			throw new CameraException(CameraErrorCode.INVALID_ARGUMENT,
					"a capture setting needs a quality and a rotation");
		}
	}

	/** @return high quality, no rotation, no mirror, no location */
	public static PhotoCaptureSetting defaults() {
		return new PhotoCaptureSetting(QualityLevel.HIGH, ImageRotation.ROTATION_0, false, null);
	}
}
