package camera.api;

/**
 * Where a photo was taken, written into its EXIF GPS tags.
 *
 * @param latitude  degrees, -90 to 90
 * @param longitude degrees, -180 to 180
 * @param altitude  metres above sea level
 */
public record Location(double latitude, double longitude, double altitude) {
	public Location {
		if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)
				|| !Double.isFinite(altitude)) {
			throw new CameraException(CameraErrorCode.INVALID_ARGUMENT,
					"not a location on Earth: " + latitude + ", " + longitude + ", " + altitude);
		}
	}
}
