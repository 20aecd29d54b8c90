package media.library;

import java.util.Objects;

/**
 * Options of an image request.
 *
 * @param deliveryMode how the image is delivered; never {@code null}
 */
public record RequestOptions(DeliveryMode deliveryMode) {
	public RequestOptions {
		Objects.requireNonNull(deliveryMode, "deliveryMode");
	}
}
