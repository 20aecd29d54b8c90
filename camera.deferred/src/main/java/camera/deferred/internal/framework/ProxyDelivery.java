package camera.deferred.internal.framework;

import java.util.Optional;

import org.osgi.service.log.Logger;

import media.library.MediaQuality;

/**
 * Deferred delivery for system apps: the burst is made durable by the engine first, then
 * {@code deferredPhotoProxyAvailable} hands over the job id, the first-phase JPEG and a thumbnail. Without room in
 * the spool the photo is developed inline and handed over the same way, as a proxy of FULL quality.
 */
final class ProxyDelivery implements Delivery {
	private final DurableHandOver handOver;

	ProxyDelivery(Delivery fallback, Logger log) {
		this.handOver = new DurableHandOver(fallback, log);
	}

	@Override
	public void deliver(CapturedPhoto photo) {
		Optional<String> job = handOver.accept(photo);
		if (job.isEmpty()) {
			return;
		}
		String jobId = job.get();
		FastImage fast = FastImages.await(photo);
		photo.capture()
			.output()
			.fireProxy(new CapturedPhotoProxy(jobId, MediaQuality.FAST, fast.jpeg(), fast.image().width(), fast.image().height(),
					fast.thumbnail()));
	}
}
