package camera.api;

/** The kinds of image whose delivery can be deferred. */
public enum DeferredDeliveryImageType {
	NONE, PHOTO, VIDEO
}
