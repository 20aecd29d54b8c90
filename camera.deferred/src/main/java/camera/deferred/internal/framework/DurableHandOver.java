package camera.deferred.internal.framework;

import java.util.Optional;

import org.osgi.service.log.Logger;

import camera.deferred.internal.jobs.BurstSpooling;
import camera.deferred.internal.jobs.SpoolFullException;

/**
 * The first step of both deferred deliveries: the burst the spool has been taking since the first frame is made a
 * durable job, or, when the engine took no burst or had no room, the photo is developed inline and saved FULL, so
 * it is never lost.
 */
final class DurableHandOver {
	private final Delivery fallback;
	private final Logger log;

	DurableHandOver(Delivery fallback, Logger log) {
		this.fallback = fallback;
		this.log = log;
	}

	/** @return the durable job's id, or empty when the photo went to the inline fallback instead */
	Optional<String> accept(CapturedPhoto photo) {
		BurstSpooling spooling = photo.spooling();
		if (spooling == null) {
			log.warn("Capture {}: the deferred engine took no burst; developing it inline", photo.capture().id());
			fallback.deliver(photo);
			return Optional.empty();
		}
		try {
			String jobId = spooling.commit(photo.burst());
			photo.capture().timeline().mark(CaptureTimeline.Mark.SPOOLED);
			return Optional.of(jobId);
		} catch (SpoolFullException e) {
			log.warn("Capture {}: {}; developing it inline and saving it FULL", photo.capture().id(), e.getMessage());
			fallback.deliver(photo);
			return Optional.empty();
		}
	}
}
