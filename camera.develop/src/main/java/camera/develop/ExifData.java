package camera.develop;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * What a photo's EXIF block says. New fields come with a new canonical constructor; the older ones are kept.
 * Serialisable, so that an order to a development node carries it (see {@code camera.develop.remote}).
 *
 * @param captureTime   DateTimeOriginal
 * @param orientation   EXIF orientation 1..8, as {@link #orientationOf} gives it
 * @param make          camera make
 * @param model         camera model
 * @param exposureNanos exposure time
 * @param iso           ISO speed
 * @param location      GPS position, or {@code null}
 * @param offset        the offset from UTC of the local time the photo was taken in: the times are written as
 *                      that local time with this offset, as cameras and phones write them
 */
public record ExifData(Instant captureTime, int orientation, String make, String model, long exposureNanos, int iso,
		GeoPosition location, ZoneOffset offset) implements Serializable {

	public ExifData {
		Objects.requireNonNull(offset, "offset");
	}

	/** EXIF of a photo whose times are written in UTC. */
	public ExifData(Instant captureTime, int orientation, String make, String model, long exposureNanos, int iso,
			GeoPosition location) {
		this(captureTime, orientation, make, model, exposureNanos, iso, location, ZoneOffset.UTC);
	}

	/**
	 * The EXIF orientation tag that makes a viewer show the photo turned and mirrored as asked.
	 *
	 * @param clockwiseDegrees 0, 90, 180 or 270: the clockwise rotation to apply when displaying
	 * @param mirror           whether the image is mirrored horizontally
	 * @return 1 normal, 2 mirrored, 3 rotated 180, 4 mirrored and rotated 180, 5 mirrored and rotated 270,
	 *         6 rotated 90, 7 mirrored and rotated 90, 8 rotated 270
	 * @throws IllegalArgumentException for another angle
	 */
	public static int orientationOf(int clockwiseDegrees, boolean mirror) {
		return switch (clockwiseDegrees) {
			case 0 -> mirror ? 2 : 1;
			case 90 -> mirror ? 7 : 6;
			case 180 -> mirror ? 4 : 3;
			case 270 -> mirror ? 5 : 8;
			default -> throw new IllegalArgumentException("not a quarter turn: " + clockwiseDegrees + " degrees");
		};
	}
}
