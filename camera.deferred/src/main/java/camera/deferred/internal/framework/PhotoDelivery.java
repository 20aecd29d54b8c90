package camera.deferred.internal.framework;

import camera.api.CaptureTimingEvents;

/** How an output delivers its photos, decided when its session commits its configuration. */
enum PhotoDelivery {
	/** The full pipeline runs inline; {@code photoAvailable} delivers a FULL photo. */
	SINGLE_PHASE(CaptureTimingEvents.SINGLE_PHASE),
	/** Phase 1 becomes a pending FAST library asset; {@code photoAssetAvailable} delivers it. */
	DEFERRED_ASSET(CaptureTimingEvents.DEFERRED_ASSET),
	/** Phase 1 becomes a {@code DeferredPhotoProxy} for a system app. */
	DEFERRED_PROXY(CaptureTimingEvents.DEFERRED_PROXY);

	private final String eventName;

	PhotoDelivery(String eventName) {
		this.eventName = eventName;
	}

	/** @return its name in {@link CaptureTimingEvents#DELIVERY} */
	String eventName() {
		return eventName;
	}

	boolean deferred() {
		return this != SINGLE_PHASE;
	}
}
