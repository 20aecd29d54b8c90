package camera.deferred.internal.framework;

/** How an output delivers its photos, decided when its session commits its configuration. */
enum PhotoDelivery {
	/** The full pipeline runs inline; {@code photoAvailable} delivers a FULL photo. */
	SINGLE_PHASE("single"),
	/** Phase 1 becomes a pending FAST library asset; {@code photoAssetAvailable} delivers it. */
	DEFERRED_ASSET("deferred-asset"),
	/** Phase 1 becomes a {@code DeferredPhotoProxy} for a system app. */
	DEFERRED_PROXY("deferred-proxy");

	private final String eventName;

	PhotoDelivery(String eventName) {
		this.eventName = eventName;
	}

	/** @return its name in {@link camera.api.CaptureTimingEvents#DELIVERY} */
	String eventName() {
		return eventName;
	}

	boolean deferred() {
		return this != SINGLE_PHASE;
	}
}
