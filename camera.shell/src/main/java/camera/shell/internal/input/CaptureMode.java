package camera.shell.internal.input;

/** How {@code camera:capture} receives its photos: the three flows of the source documents. */
public enum CaptureMode {
	/** {@code photoAssetAvailable}, then {@code saveCameraPhoto}: a FAST asset, developed later. */
	DEFERRED,
	/** {@code photoAvailable}: the full pipeline runs at once and the FULL photo is saved as a new asset. */
	SINGLE,
	/** {@code deferImageDelivery}, {@code deferredPhotoProxyAvailable}, saved with {@code PHOTO_PROXY}. */
	PROXY
}
