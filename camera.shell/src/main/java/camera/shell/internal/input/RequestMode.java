package camera.shell.internal.input;

import media.library.DeliveryMode;

/** The delivery modes of {@code camera:request}, as the user types them. */
public enum RequestMode {
	FAST(DeliveryMode.FAST_MODE), HIGH(DeliveryMode.HIGH_QUALITY_MODE), BALANCED(DeliveryMode.BALANCE_MODE);

	private final DeliveryMode deliveryMode;

	RequestMode(DeliveryMode deliveryMode) {
		this.deliveryMode = deliveryMode;
	}

	/** @return the media library's delivery mode */
	public DeliveryMode deliveryMode() {
		return deliveryMode;
	}
}
