package camera.deferred.internal.codec;

import java.time.Instant;

import camera.api.Location;

/**
 * What a photo's EXIF block says.
 *
 * @param captureTime   DateTimeOriginal
 * @param orientation   EXIF orientation 1..8 (from rotation and mirror)
 * @param make          camera make
 * @param model         camera model
 * @param exposureNanos exposure time
 * @param iso           ISO speed
 * @param location      GPS position, or {@code null}
 */
public record ExifData(Instant captureTime, int orientation, String make, String model, long exposureNanos, int iso,
		Location location) {
}
