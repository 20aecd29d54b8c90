package media.library;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The entry point of the media library: creates, finds and changes assets. A service; thread-safe. Every
 * change is all or nothing: when a method throws, the library and its files are as they were.
 */
@ProviderType
public interface PhotoAccessHelper {

	/**
	 * Creates an empty image asset with the given display name. It becomes visible once an image is added with
	 * {@link #applyChanges}.
	 *
	 * @throws MediaLibraryException INVALID_DISPLAY_NAME for a name that is empty, longer than 255 bytes, holds
	 *                               a path separator, {@code ..} or a control character, or lacks an image
	 *                               extension
	 */
	PhotoAsset createAsset(String displayName);

	/**
	 * Creates an empty asset with a generated display name ({@code IMG_<date>_<time>_<n>.<extension>}).
	 *
	 * @throws MediaLibraryException INVALID_ARGUMENT for an unsupported extension
	 */
	PhotoAsset createAsset(PhotoType type, String extension);

	/**
	 * @return the current state of the asset with that URI, if it exists (trashed and pending assets too)
	 * @throws MediaLibraryException INVALID_URI for a malformed URI
	 */
	Optional<PhotoAsset> getAsset(String uri);

	/**
	 * Finds an asset by its id alone, as a client does that knows only the id ({@link AssetUri#parseId} reads
	 * one from text).
	 *
	 * @return the current state of the asset with that id, if it exists (trashed and pending assets too); empty
	 *         for an id no asset has, zero and negative ones included
	 * @since 1.3
	 */
	Optional<PhotoAsset> getAssetById(long id);

	/** @return the assets matching the query; never pending ones */
	List<PhotoAsset> getAssets(AssetQuery query);

	/**
	 * Applies every change of the request, or none of them.
	 *
	 * @return the asset as it is after the changes
	 * @throws MediaLibraryException NOT_FOUND for a deleted asset, OPERATION_NOT_SUPPORTED for a change that
	 *                               does not fit the asset's state, IO_ERROR or STORAGE_FULL when the file
	 *                               could not be written
	 */
	PhotoAsset applyChanges(MediaAssetChangeRequest request);

	/** Moves assets to the trash; their deferred jobs drop to low priority. */
	void trash(List<PhotoAsset> assets);

	/** Takes assets out of the trash; their deferred jobs go back to normal priority. */
	void restore(List<PhotoAsset> assets);

	/** Deletes assets and their files for good; their deferred jobs are cancelled. */
	void deletePermanently(List<PhotoAsset> assets);

	/**
	 * @return a small JPEG of the asset's current image, made when the image was saved
	 * @throws MediaLibraryException NOT_FOUND when the asset or its image does not exist
	 */
	byte[] getThumbnail(PhotoAsset asset);
}
