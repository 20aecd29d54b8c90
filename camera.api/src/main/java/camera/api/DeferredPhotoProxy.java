package camera.api;

import media.library.PhotoProxy;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The photo a system app receives from {@code deferredPhotoProxyAvailable}: a thumbnail at once and the
 * first-phase image, while the full-quality image is developed later. The app saves it with
 * {@code MediaAssetChangeRequest.addResource(ResourceType.PHOTO_PROXY, proxy)}. Its raw frames are already
 * durable when the app receives it: a proxy the app never saves is cancelled after the library's timeout.
 */
@ProviderType
public interface DeferredPhotoProxy extends PhotoProxy {

	/** @return the thumbnail, available at once */
	Thumbnail getThumbnail();

	/** Releases the memory this proxy holds; its job is not affected. */
	void release();
}
