package camera.deferred.internal.framework;

import java.time.Instant;

import camera.api.PhotoCaptureSetting;
import camera.api.hal.HalCameraInfo;
import camera.api.hal.RawFrame;
import camera.deferred.internal.codec.ExifData;

/** What the EXIF block of a capture's JPEGs says: the setting, the camera and the first frame's exposure. */
final class Exif {

	private Exif() {
	}

	static ExifData of(Capture capture, RawFrame firstFrame, Instant captureTime) {
		PhotoCaptureSetting setting = capture.setting();
		HalCameraInfo camera = capture.configuration().camera();
		return new ExifData(captureTime, ExifOrientation.of(setting.rotation(), setting.mirror()), camera.make(),
				camera.model(), firstFrame.metadata().exposureNanos(), firstFrame.metadata().iso(), setting.location());
	}
}
