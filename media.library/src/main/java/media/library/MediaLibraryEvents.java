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
	/**
	 * The FAST image of an asset became its final image because its deferred job could not succeed; carries
	 * {@link #QUALITY} ({@code FAST}) and {@link #REASON}. Requests waiting for the FULL image receive the FAST one.
	 */
	public static final String TOPIC_FINALIZED = "media/library/asset/FINALIZED";
	/** An asset was deleted for good. */
	public static final String TOPIC_DELETED = "media/library/asset/DELETED";

	public static final String ASSET_URI = "asset.uri";
	public static final String ASSET_ID = "asset.id";
	public static final String QUALITY = "asset.quality";
	/** Why a FAST image became final, on {@link #TOPIC_FINALIZED}. */
	public static final String REASON = "asset.reason";

	private MediaLibraryEvents() {
	}
}
