package media.library;

/** What a {@link MediaAssetChangeRequest#addResource} call supplies. */
public enum ResourceType {
	/** The bytes of an encoded image, or a file holding them: the asset becomes FULL. */
	IMAGE_RESOURCE,
	/** A camera's {@link PhotoProxy}: the asset becomes FAST and tied to the proxy's deferred job. */
	PHOTO_PROXY
}
