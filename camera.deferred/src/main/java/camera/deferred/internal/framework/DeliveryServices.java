package camera.deferred.internal.framework;

import java.util.Map;
import java.util.Optional;

import camera.deferred.internal.development.JpegQualities;
import camera.deferred.internal.jobs.DeferredEngine;
import camera.develop.DngCodec;
import camera.develop.JpegCodec;
import camera.develop.PhotoDeveloper;
import media.library.PhotoAccessHelper;
import media.library.processing.CameraPhotoStore;

/**
 * The services deferred delivery needs. They come and go at runtime (the library is another bundle), so each call
 * returns what is there now.
 */
interface DeliveryServices {

	Optional<DeferredEngine> engine();

	Optional<CameraPhotoStore> photoStore();

	Optional<PhotoAccessHelper> library();

	/** @return the photo developer bound now; a better-ranked one replaces it at runtime */
	PhotoDeveloper developer();

	/** @return the JPEG codec bound now */
	JpegCodec codec();

	/** @return the DNG writer bound now, if there is one; none keeps no raw files */
	default Optional<DngCodec> dngCodec() {
		return Optional.empty();
	}

	/** @return the JPEG qualities configured now */
	JpegQualities qualities();

	/** A capture's photo event was fired: its timing, as {@link camera.api.CaptureTimingEvents} properties. */
	void captureTimed(Map<String, Object> timing);
}
