package camera.deferred.internal.framework;

import java.util.Optional;

import camera.deferred.internal.jobs.DeferredEngine;
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
}
