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
	 * FULL image replaces the FAST one in place when the deferred job completes.
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

	/** Discards a pending camera asset: it is deleted and its deferred job cancelled. */
	public MediaAssetChangeRequest discardCameraPhoto() {
		if (savedAs != null) {
			throw invalid("a request cannot both save and discard a camera photo");
		}
		discard = true;
		return this;
	}

	/** Adds the encoded image; the asset becomes FULL. */
	public MediaAssetChangeRequest addResource(ResourceType type, byte[] data) {
		requireType(type, ResourceType.IMAGE_RESOURCE);
		if (data == null || data.length == 0) {
			throw invalid("the image resource is empty");
		}
		requireNoResource();
		imageBytes = data.clone();
		return this;
	}

	/** Adds the encoded image from a file, which is copied; the asset becomes FULL. */
	public MediaAssetChangeRequest addResource(ResourceType type, Path file) {
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
