package media.library;

/** How {@link MediaAssetManager} delivers the image of an asset. */
public enum DeliveryMode {
	/** The image that exists now, once. Never starts processing. */
	FAST_MODE,
	/** Only the FULL image: raises the asset's deferred job to high priority and waits for it. */
	HIGH_QUALITY_MODE,
	/** The image that exists now, then the FULL image when it arrives (once, if it is already FULL). */
	BALANCE_MODE
}
