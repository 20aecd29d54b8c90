package camera.deferred.internal.framework;

import java.util.Optional;

import org.osgi.service.log.Logger;

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
	private final DurableHandOver handOver;
	private final Logger log;

	AssetDelivery(DeliveryServices services, Delivery fallback, Logger log) {
		this.services = services;
		this.fallback = fallback;
		this.handOver = new DurableHandOver(fallback, log);
		this.log = log;
	}

	@Override
	public void deliver(CapturedPhoto photo) {
		CameraPhotoStore store = services.photoStore().orElse(null);
		if (store == null) {
			log.warn("Capture {}: the photo store went away; developing it inline", photo.capture().id());
			photo.abandonSpooling();
			fallback.deliver(photo);
			return;
		}
		Optional<String> job = handOver.accept(photo);
		if (job.isEmpty()) {
			return;
		}
		String jobId = job.get();
		PhotoAsset asset;
		try {
			FastImage fast = FastImages.await(photo);
			photo.capture().timeline().mark(CaptureTimeline.Mark.ASSET_START);
			asset = store.createCameraAsset(new CameraPhoto(jobId, fast.jpeg(), fast.image().width(),
					fast.image().height(), photo.captureTime()));
			photo.capture().timeline().mark(CaptureTimeline.Mark.ASSET_WRITTEN);
		} catch (RuntimeException e) {
			// The app never hears of this photo; the engine drops the job when the library's list lacks it.
			log.error("Capture {}: job {} is durable but its asset could not be created: {}", photo.capture().id(),
					jobId, e.toString());
			throw e;
		}
		photo.capture().output().firePhotoAsset(asset);
	}
}
