package camera.develop;

import java.io.Serializable;

/**
 * Where a photo was taken, as its GPS tags say it.
 *
 * @param latitude  degrees north, -90..90
 * @param longitude degrees east, -180..180
 * @param altitude  metres above sea level
 */
public record GeoPosition(double latitude, double longitude, double altitude) implements Serializable {
	public GeoPosition {
		if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)
				|| !Double.isFinite(altitude)) {
			throw new IllegalArgumentException("not a position on Earth: " + latitude + ", " + longitude + ", "
					+ altitude);
		}
	}
}
