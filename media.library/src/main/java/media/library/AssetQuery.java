package media.library;

/**
 * Which assets {@link PhotoAccessHelper#getAssets} returns. Pending camera assets are never returned.
 *
 * @param quality only assets of this quality, or {@code null} for all
 * @param trashed true for the assets in the trash, false for the others
 * @param newestFirst order by date added, newest first (true) or oldest first (false)
 * @param offset  how many matching assets to skip, at least 0
 * @param limit   how many to return at most, at least 1
 */
public record AssetQuery(MediaQuality quality, boolean trashed, boolean newestFirst, int offset, int limit) {
	public AssetQuery {
		if (offset < 0 || limit < 1) {
			throw new MediaLibraryException(MediaLibraryErrorCode.INVALID_ARGUMENT,
					"offset must be 0 or more and limit 1 or more, not " + offset + " and " + limit);
		}
	}

	/** @return the first 1000 assets not in the trash, newest first */
	public static AssetQuery all() {
		return new AssetQuery(null, false, true, 0, 1000);
	}

	/** @return this query restricted to one quality */
	public AssetQuery withQuality(MediaQuality q) {
		return new AssetQuery(q, trashed, newestFirst, offset, limit);
	}

	/** @return this query over the trash instead */
	public AssetQuery inTrash() {
		return new AssetQuery(quality, true, newestFirst, offset, limit);
	}

	/** @return this query with another page */
	public AssetQuery page(int newOffset, int newLimit) {
		return new AssetQuery(quality, trashed, newestFirst, newOffset, newLimit);
	}
}
