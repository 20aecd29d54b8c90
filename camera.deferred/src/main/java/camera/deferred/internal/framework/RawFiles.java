package camera.deferred.internal.framework;

import java.util.Optional;

import camera.api.CameraErrorCode;
import camera.api.CameraException;
import camera.deferred.internal.development.KeptRawFrame;
import camera.develop.DngCodec;

/** The raw file of a photo developed on the capture path (single-phase, or saved FULL when the spool is full). */
final class RawFiles {
	private RawFiles() {
	}

	/**
	 * @return the DNG of the photo's first frame, or empty when its capture keeps none
	 * @throws CameraException SERVICE_FATAL_ERROR when the capture asked for a raw file and no DNG writer is there
	 */
	static Optional<byte[]> dng(DeliveryServices services, CapturedPhoto photo) {
		if (!KeptRawFrame.wanted(photo.capture().setting(), photo.frames())) {
			return Optional.empty();
		}
		DngCodec codec = services.dngCodec().orElseThrow(() -> new CameraException(
				CameraErrorCode.SERVICE_FATAL_ERROR, "capture " + photo.capture().id()
						+ " asked for a raw file, but no DNG writer (camera.develop) is running"));
		return KeptRawFrame.dng(codec, photo.capture().setting(), photo.frameViews(), photo.exif());
	}
}
