package media.library;

import java.time.Instant;
import java.util.Optional;

/**
 * A snapshot of one asset of the library. The {@link #uri()} and {@link #id()} of an asset never change, not
 * even when its FAST image is replaced by the FULL one; the other values are as they were when the snapshot
 * was taken.
 *
 * @param id           the asset's number in the library
 * @param uri          {@code file://media/Photo/<id>/<displayName>}
 * @param displayName  the file name, e.g. {@code IMG_20261121_101500_001.jpg}
 * @param photoType    the kind of media
 * @param mimeType     e.g. {@code image/jpeg}
 * @param width        image width in pixels (0 while the asset has no image)
 * @param height       image height in pixels (0 while the asset has no image)
 * @param size         file size in bytes (0 while the asset has no image)
 * @param dateAdded    when the asset was created
 * @param dateModified when its image or state last changed
 * @param dateTaken    when the photo was captured, if known
 * @param quality      FAST until the deferred job delivers the FULL image
 * @param deferredJobId the id of the pending deferred job, or {@code null} when none is pending
 * @param pending      true for a camera asset that the app has not yet saved with
 *                     {@link MediaAssetChangeRequest#saveCameraPhoto}; pending assets are not listed
 * @param trashed      true while the asset is in the trash
 * @param finalReason  why the asset's FAST image is its final image, because its deferred job could not
 *                     succeed (the frames were lost, every attempt failed), or {@code null}; such an asset has no
 *                     {@code deferredJobId}, and every request delivers its FAST image as the final one
 */
public record PhotoAsset(long id, String uri, String displayName, PhotoType photoType, String mimeType, int width,
		int height, long size, Instant dateAdded, Instant dateModified, Instant dateTaken, MediaQuality quality,
		String deferredJobId, boolean pending, boolean trashed, String finalReason) {

	/** The snapshot of an asset whose image is not a FAST image made final ({@code finalReason} null). */
	public PhotoAsset(long id, String uri, String displayName, PhotoType photoType, String mimeType, int width,
			int height, long size, Instant dateAdded, Instant dateModified, Instant dateTaken, MediaQuality quality,
			String deferredJobId, boolean pending, boolean trashed) {
		this(id, uri, displayName, photoType, mimeType, width, height, size, dateAdded, dateModified, dateTaken,
				quality, deferredJobId, pending, trashed, null);
	}

	/** @return why the FAST image is final, if phase 2 could not succeed for this asset */
	public Optional<String> finalised() {
		return Optional.ofNullable(finalReason);
	}

	/** @return the id of the pending deferred job, if there is one */
	public Optional<String> deferredJob() {
		return Optional.ofNullable(deferredJobId);
	}
}
