package camera.deferred.internal.framework;

import org.osgi.service.log.Logger;

import camera.deferred.internal.jobs.DeferredEngine;
import camera.deferred.internal.jobs.SpoolFullException;

/**
 * Deferred delivery for system apps: the burst is made durable by the engine first, then
 * {@code deferredPhotoProxyAvailable} hands over the job id, the first-phase JPEG and a thumbnail. Without room in
 * the spool the photo is developed inline and saved FULL in the library instead, delivered through
 * {@code photoAssetAvailable}, because a proxy without a job could never be completed.
 */
final class ProxyDelivery implements Delivery {
	private final DeliveryServices services;
	private final Delivery fallback;
	private final Logger log;

	ProxyDelivery(DeliveryServices services, Delivery fallback, Logger log) {
		this.services = services;
		this.fallback = fallback;
		this.log = log;
	}

	@Override
	public void deliver(CapturedPhoto photo) {
		DeferredEngine engine = services.engine().orElse(null);
		if (engine == null) {
			log.warn("Capture {}: the deferred engine went away; developing it inline", photo.capture().id());
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
		FastImage fast = FastImages.await(photo);
		photo.capture()
			.output()
			.fireProxy(new CapturedPhotoProxy(jobId, fast.jpeg(), fast.image().width(), fast.image().height(),
					fast.thumbnail()));
	}
}
