package camera.api;

/**
 * How one photo is captured.
 *
 * @param quality  the JPEG quality; never {@code null}
 * @param rotation the rotation; never {@code null}
 * @param mirror   whether the image is mirrored horizontally
 * @param location where it was taken, or {@code null}
 * @param raw      whether the burst's reference frame is kept as a DNG beside the photo (since 1.2): with deferred
 *                 delivery the engine adds it to the asset when phase 2 runs, from the spooled frames; a
 *                 single-phase {@link Photo} carries it; frames the device already developed have none
 */
public record PhotoCaptureSetting(QualityLevel quality, ImageRotation rotation, boolean mirror, Location location,
		boolean raw) {
	/** @throws CameraException INVALID_ARGUMENT for a null quality or rotation */
	public PhotoCaptureSetting {
		if (quality == null || rotation == null) {
			throw new CameraException(CameraErrorCode.INVALID_ARGUMENT,
					"a capture setting needs a quality and a rotation");
		}
	}

	/** A setting without a raw file. */
	public PhotoCaptureSetting(QualityLevel quality, ImageRotation rotation, boolean mirror, Location location) {
		this(quality, rotation, mirror, location, false);
	}

	/** @return this setting keeping the raw frame as a DNG, or not */
	public PhotoCaptureSetting withRaw(boolean keep) {
		return new PhotoCaptureSetting(quality, rotation, mirror, location, keep);
	}

	/** @return high quality, no rotation, no mirror, no location, no raw file */
	public static PhotoCaptureSetting defaults() {
		return new PhotoCaptureSetting(QualityLevel.HIGH, ImageRotation.ROTATION_0, false, null);
	}
}
