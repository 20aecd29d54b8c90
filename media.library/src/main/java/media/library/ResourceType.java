package media.library;

/** What a {@link MediaAssetChangeRequest#addResource} call supplies. */
public enum ResourceType {
	/** The bytes of an encoded image, or a file holding them: the asset becomes FULL. */
	IMAGE_RESOURCE,
	/** A camera's {@link PhotoProxy}: the asset becomes FAST and tied to the proxy's deferred job. */
	PHOTO_PROXY,
	/**
	 * A DNG of the raw frame the photo was developed from: the asset keeps it as its second resource, beside its
	 * image, under the image's name with the extension {@code .dng}; the asset's quality does not change.
	 *
	 * @since 1.3
	 */
	RAW_IMAGE
}
