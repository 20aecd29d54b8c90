package camera.deferred.internal.framework;

import java.util.Optional;

import org.osgi.service.log.Logger;

import camera.deferred.internal.development.KeptRawFrame;
import camera.develop.DngCodec;

/** The raw file of a photo developed on the capture path (single-phase, or saved FULL when the spool is full). */
final class RawFiles {
	private RawFiles() {
	}

	/**
	 * @return the DNG of the photo's first frame, or empty when its capture keeps none, or when no DNG writer runs
	 *         here (development on another machine): the photo is not held back for it, and the log says so
	 */
	static Optional<byte[]> dng(DeliveryServices services, CapturedPhoto photo, Logger log) {
		if (!KeptRawFrame.wanted(photo.capture().setting(), photo.frames())) {
			return Optional.empty();
		}
		Optional<DngCodec> codec = services.dngCodec();
		if (codec.isEmpty()) {
			log.warn("Capture {} asked for a raw file, but no DNG writer (camera.develop) runs here: its photo is "
					+ "delivered without one", photo.capture().id());
			return Optional.empty();
		}
		return KeptRawFrame.dng(codec.get(), photo.capture().setting(), photo.frameViews(), photo.exif());
	}
}
