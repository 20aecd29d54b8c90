package camera.deferred.internal.framework;

/** How an output delivers its photos, decided when its session commits its configuration. */
enum PhotoDelivery {
	/** The full pipeline runs inline; {@code photoAvailable} delivers a FULL photo. */
	SINGLE_PHASE,
	/** Phase 1 becomes a pending FAST library asset; {@code photoAssetAvailable} delivers it. */
	DEFERRED_ASSET,
	/** Phase 1 becomes a {@code DeferredPhotoProxy} for a system app. */
	DEFERRED_PROXY;

	boolean deferred() {
		return this != SINGLE_PHASE;
	}
}
