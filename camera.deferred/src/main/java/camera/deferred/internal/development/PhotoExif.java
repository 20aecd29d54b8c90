package camera.deferred.internal.development;

import java.time.Instant;
import java.time.ZoneId;

import camera.api.Location;
import camera.api.PhotoCaptureSetting;
import camera.api.hal.FrameMetadata;
import camera.api.hal.HalCameraInfo;
import camera.develop.ExifData;
import camera.develop.GeoPosition;

/** What the EXIF block of a capture's photos says, the same for phase 1, phase 2 and single-phase delivery. */
public final class PhotoExif {
	private PhotoExif() {
	}

	/**
	 * @return the EXIF of a capture: its setting, its camera and its first frame's exposure, its times in the
	 *         machine's local time zone
	 */
	public static ExifData of(PhotoCaptureSetting setting, HalCameraInfo camera, FrameMetadata firstFrame,
			Instant captureTime) {
		return new ExifData(captureTime, ExifData.orientationOf(setting.rotation().degrees(), setting.mirror()),
				camera.make(), camera.model(), firstFrame.exposureNanos(), firstFrame.iso(),
				position(setting.location()), ZoneId.systemDefault().getRules().getOffset(captureTime));
	}

	private static GeoPosition position(Location location) {
		return location == null ? null
				: new GeoPosition(location.latitude(), location.longitude(), location.altitude());
	}
}
