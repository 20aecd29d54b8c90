package media.library.internal.store;

import java.time.Instant;

import media.library.AssetUri;
import media.library.MediaQuality;
import media.library.PhotoAsset;
import media.library.PhotoType;

/**
 * One row of the asset table.
 *
 * @param stagedFile the name of a staged image that a committed replacement still has to rename over the
 *                   asset's file, or {@code null}
 * @param finalReason why the FAST image is final because phase 2 could not succeed, or {@code null}
 */
public record AssetRow(long id, String displayName, PhotoType photoType, String mimeType, int width, int height,
		long size, Instant dateAdded, Instant dateModified, Instant dateTaken, MediaQuality quality,
		String deferredJobId, boolean pending, boolean trashed, String stagedFile, String finalReason) {

	/** @return whether an image was saved for this asset */
	public boolean hasImage() {
		return size > 0;
	}

	/** @return the asset's URI */
	public String uri() {
		return AssetUri.of(id, displayName).toString();
	}

	/** @return the snapshot applications see */
	public PhotoAsset toPhotoAsset() {
		return new PhotoAsset(id, uri(), displayName, photoType, mimeType, width, height, size, dateAdded,
				dateModified, dateTaken, quality, deferredJobId, pending, trashed, finalReason);
	}
}
