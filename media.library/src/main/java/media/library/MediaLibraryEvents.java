package media.library;

/**
 * EventAdmin topics and properties the library posts. Every event carries {@link #ASSET_URI} and
 * {@link #ASSET_ID}.
 */
public final class MediaLibraryEvents {
	/** An asset's image changed quality (FAST to FULL); carries {@link #QUALITY}. */
	public static final String TOPIC_QUALITY_CHANGED = "media/library/asset/QUALITY_CHANGED";
	/** An asset was saved and is now listed. */
	public static final String TOPIC_SAVED = "media/library/asset/SAVED";
	/** An asset was deleted for good. */
	public static final String TOPIC_DELETED = "media/library/asset/DELETED";

	public static final String ASSET_URI = "asset.uri";
	public static final String ASSET_ID = "asset.id";
	public static final String QUALITY = "asset.quality";

	private MediaLibraryEvents() {
	}
}
