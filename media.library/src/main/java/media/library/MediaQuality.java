package media.library;

/** How far an asset's image has been developed. */
public enum MediaQuality {
	/** The first-phase image, delivered at once; a deferred job will replace it. */
	FAST,
	/** The fully developed image; nothing will replace it. */
	FULL
}
