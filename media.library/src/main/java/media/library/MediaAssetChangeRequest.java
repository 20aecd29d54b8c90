package media.library;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The changes to make to one asset, applied together by {@link PhotoAccessHelper#applyChanges}: all of them or
 * none. A request is filled in by one thread and applied once; it is not thread-safe.
 */
public final class MediaAssetChangeRequest {
	private final PhotoAsset asset;
	private ImageFileType savedAs;
	private boolean discard;
	private byte[] imageBytes;
	private Path imageFile;
	private PhotoProxy proxy;
	private byte[] rawBytes;
	private Path rawFile;

	/**
	 * @param asset the asset to change
	 * @throws MediaLibraryException INVALID_ARGUMENT for a null asset
	 */
	public MediaAssetChangeRequest(PhotoAsset asset) {
		if (asset == null) {
			throw invalid("a change request needs an asset");
		}
		this.asset = asset;
	}

	/**
	 * Saves a camera asset delivered by {@code photoAssetAvailable}: it stops being pending and is listed. Its
	 * FULL image replaces the FAST one in place when the deferred job completes (processing method 1 of the
	 * sources). With an image resource in the same request (method 2: the application processed the image it
	 * requested and gives it back), that image becomes the photo instead, FULL and final: the deferred job is
	 * cancelled and requests waiting for the FULL image receive the application's image. On an asset that is no
	 * longer a pending camera photo, saving alone changes nothing.
	 *
	 * @throws MediaLibraryException INVALID_ARGUMENT for a null file type or a request that also discards
	 */
	public MediaAssetChangeRequest saveCameraPhoto(ImageFileType fileType) {
		if (fileType == null) {
			throw invalid("saveCameraPhoto needs a file type");
		}
		if (discard) {
			throw invalid("a request cannot both save and discard a camera photo");
		}
		savedAs = fileType;
		return this;
	}

	/**
	 * Discards a pending camera asset: it is deleted and its deferred job cancelled. On an asset that is no longer
	 * a pending camera photo (saved already) it changes nothing.
	 *
	 * @throws MediaLibraryException INVALID_ARGUMENT for a request that also saves
	 */
	public MediaAssetChangeRequest discardCameraPhoto() {
		if (savedAs != null) {
			throw invalid("a request cannot both save and discard a camera photo");
		}
		discard = true;
		return this;
	}

	/**
	 * Adds the encoded image; the asset becomes FULL. On an asset without an image it is the first image; on a
	 * camera photo that is pending or still FAST it replaces the image in place, atomically, as the application's
	 * final image (its EXIF capture time, when it states one, becomes the asset's), cancelling the deferred job;
	 * on any other asset with an image, applying fails with OPERATION_NOT_SUPPORTED unless the request also
	 * {@link #saveCameraPhoto saves} it as a camera photo.
	 *
	 * @throws MediaLibraryException INVALID_ARGUMENT for another type, an empty image, or a second resource
	 */
	public MediaAssetChangeRequest addResource(ResourceType type, byte[] data) {
		if (type == ResourceType.RAW_IMAGE) {
			return addRawImage(data, null);
		}
		requireType(type, ResourceType.IMAGE_RESOURCE);
		if (data == null || data.length == 0) {
			throw invalid("the image resource is empty");
		}
		requireNoResource();
		imageBytes = data.clone();
		return this;
	}

	/** As {@link #addResource(ResourceType, byte[])}, from a file, which is copied. */
	public MediaAssetChangeRequest addResource(ResourceType type, Path file) {
		if (type == ResourceType.RAW_IMAGE) {
			return addRawImage(null, file);
		}
		requireType(type, ResourceType.IMAGE_RESOURCE);
		if (file == null) {
			throw invalid("the image resource file is missing");
		}
		requireNoResource();
		imageFile = file;
		return this;
	}

	/** Adds a camera's photo proxy; the asset becomes FAST and tied to the proxy's deferred job. */
	public MediaAssetChangeRequest addResource(ResourceType type, PhotoProxy photoProxy) {
		requireType(type, ResourceType.PHOTO_PROXY);
		if (photoProxy == null) {
			throw invalid("the photo proxy is missing");
		}
		requireNoResource();
		proxy = photoProxy;
		return this;
	}

	/**
	 * Adds (or replaces) the asset's raw image, a DNG file: its second resource, beside the image. It may come
	 * with an image resource in the same request, or alone for an asset that has an image.
	 *
	 * @throws MediaLibraryException INVALID_ARGUMENT for empty data or a second raw image
	 */
	private MediaAssetChangeRequest addRawImage(byte[] data, Path file) {
		if ((data == null || data.length == 0) && file == null) {
			throw invalid("the raw image resource is empty");
		}
		if (rawBytes != null || rawFile != null) {
			throw invalid("a request carries one raw image at most");
		}
		rawBytes = data == null ? null : data.clone();
		rawFile = file;
		return this;
	}

	/** @return the raw image (DNG) bytes added, if any (a copy) @since 1.3 */
	public Optional<byte[]> rawImageBytes() {
		return Optional.ofNullable(rawBytes).map(byte[]::clone);
	}

	/** @return the raw image (DNG) file added, if any @since 1.3 */
	public Optional<Path> rawImageFile() {
		return Optional.ofNullable(rawFile);
	}

	/** @return the asset this request changes */
	public PhotoAsset asset() {
		return asset;
	}

	/** @return the file type given to {@link #saveCameraPhoto}, if it was called */
	public Optional<ImageFileType> savedAs() {
		return Optional.ofNullable(savedAs);
	}

	/** @return whether {@link #discardCameraPhoto} was called */
	public boolean discards() {
		return discard;
	}

	/** @return the image bytes added, if any (a copy) */
	public Optional<byte[]> imageBytes() {
		return Optional.ofNullable(imageBytes).map(byte[]::clone);
	}

	/** @return the image file added, if any */
	public Optional<Path> imageFile() {
		return Optional.ofNullable(imageFile);
	}

	/** @return the photo proxy added, if any */
	public Optional<PhotoProxy> photoProxy() {
		return Optional.ofNullable(proxy);
	}

	private void requireType(ResourceType actual, ResourceType expected) {
		if (!Objects.equals(actual, expected)) {
			throw invalid("this resource needs type " + expected + ", not " + actual);
		}
	}

	private void requireNoResource() {
		if (imageBytes != null || imageFile != null || proxy != null) {
			throw invalid("a request carries one resource at most");
		}
	}

	private static MediaLibraryException invalid(String message) {
		return new MediaLibraryException(MediaLibraryErrorCode.INVALID_ARGUMENT, message);
	}
}
