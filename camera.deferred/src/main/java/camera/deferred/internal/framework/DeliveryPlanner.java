package camera.deferred.internal.framework;

import java.util.function.Supplier;

import org.osgi.service.log.Logger;

import camera.api.DeferredDeliveryImageType;
import camera.api.hal.HalCapabilities;

/**
 * Decides at {@code commitConfig} how an output delivers its photos: deferred only when the camera supports
 * deferred PHOTO delivery and the services that make a deferred photo durable are there.
 */
final class DeliveryPlanner {
	private final DeliveryServices services;
	private final Supplier<FrameworkSettings> settings;
	private final Logger log;

	DeliveryPlanner(DeliveryServices services, Supplier<FrameworkSettings> settings, Logger log) {
		this.services = services;
		this.settings = settings;
		this.log = log;
	}

	PhotoDelivery delivery(PhotoDelivery wanted, HalCapabilities capabilities, String cameraId) {
		if (!wanted.deferred() || !capabilities.deferredTypes().contains(DeferredDeliveryImageType.PHOTO)) {
			return PhotoDelivery.SINGLE_PHASE;
		}
		boolean durable = services.engine().isPresent()
				&& (wanted == PhotoDelivery.DEFERRED_PROXY || services.photoStore().isPresent());
		if (!durable) {
			log.warn("Camera {} supports deferred delivery but the deferred engine or the media library is not"
					+ " available: delivering in a single phase", cameraId);
			return PhotoDelivery.SINGLE_PHASE;
		}
		return wanted;
	}

	int frameCount(HalCapabilities capabilities) {
		return Math.min(settings.get().burstFrames(), capabilities.maxBurst());
	}

	/** @return whether the camera's captures take their frames from a zero-shutter-lag ring when it streams */
	boolean ringFor(String cameraId) {
		return settings.get().ringFor(cameraId);
	}

	/** @return the frames a ring keeps for captures of frameCount frames */
	int ringDepth(int frameCount) {
		return settings.get().ringDepthFor(frameCount);
	}
}
