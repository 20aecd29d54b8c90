package media.library;

/**
 * Options of an image request.
 *
 * @param deliveryMode how the image is delivered; never {@code null}
 */
public record RequestOptions(DeliveryMode deliveryMode) {
	/** @throws MediaLibraryException INVALID_ARGUMENT for a null delivery mode */
	public RequestOptions {
		if (deliveryMode == null) {
			throw new MediaLibraryException(MediaLibraryErrorCode.INVALID_ARGUMENT,
					"request options need a delivery mode");
		}
	}
}
