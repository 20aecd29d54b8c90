package camera.deferred.internal.framework;

import org.osgi.service.log.Logger;

import camera.deferred.internal.jobs.DeferredEngine;
import camera.deferred.internal.jobs.SpoolFullException;
import media.library.PhotoAsset;
import media.library.processing.CameraPhoto;
import media.library.processing.CameraPhotoStore;

/**
 * Deferred delivery for public apps: the burst is made durable by the engine first, then the first-phase JPEG
 * becomes a pending FAST asset and {@code photoAssetAvailable} fires. With the spool full the photo is developed
 * inline and saved FULL instead.
 */
final class AssetDelivery implements Delivery {
	private final DeliveryServices services;
	private final Delivery fallback;
	private final Logger log;

	AssetDelivery(DeliveryServices services, Delivery fallback, Logger log) {
		this.services = services;
		this.fallback = fallback;
		this.log = log;
	}

	@Override
	public void deliver(CapturedPhoto photo) {
		DeferredEngine engine = services.engine().orElse(null);
		CameraPhotoStore store = services.photoStore().orElse(null);
		if (engine == null || store == null) {
			log.warn("Capture {}: the deferred engine or the photo store went away; developing it inline",
					photo.capture().id());
			fallback.deliver(photo);
			return;
		}
		String jobId;
		try {
			jobId = engine.accept(photo.burst());
		} catch (SpoolFullException e) {
			log.warn("Capture {}: {}; developing it inline and saving it FULL", photo.capture().id(), e.getMessage());
			fallback.deliver(photo);
			return;
		}
		PhotoAsset asset;
		try {
			FastImage fast = FastImages.await(photo);
			asset = store.createCameraAsset(new CameraPhoto(jobId, fast.jpeg(), fast.image().width(),
					fast.image().height(), photo.captureTime()));
		} catch (RuntimeException e) {
			// The app never hears of this photo; the engine drops the job when the library's list lacks it.
			log.error("Capture {}: job {} is durable but its asset could not be created: {}", photo.capture().id(),
					jobId, e.toString());
			throw e;
		}
		photo.capture().output().firePhotoAsset(asset);
	}
}
