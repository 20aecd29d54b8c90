package camera.shell.internal.camera;

import java.util.function.Consumer;

import camera.api.DeferredDeliveryImageType;
import camera.api.DeferredPhotoProxy;
import camera.api.PhotoOutput;
import camera.api.Registration;
import media.library.ImageFileType;
import media.library.MediaAssetChangeRequest;
import media.library.PhotoAccessHelper;
import media.library.PhotoAsset;
import media.library.PhotoType;
import media.library.ResourceType;

/**
 * The system app's deferred flow: {@code deferImageDelivery(PHOTO)} before {@code commitConfig}, a
 * {@link DeferredPhotoProxy} through {@code deferredPhotoProxyAvailable}, saved as a new asset with
 * {@code addResource(PHOTO_PROXY)}.
 */
final class ProxyDelivery implements PhotoDelivery<DeferredPhotoProxy> {

	@Override
	public void prepare(PhotoOutput output) {
		output.deferImageDelivery(DeferredDeliveryImageType.PHOTO);
	}

	@Override
	public Registration listen(PhotoOutput output, Consumer<DeferredPhotoProxy> photos) {
		return output.onDeferredPhotoProxyAvailable(photos);
	}

	@Override
	public PhotoAsset save(PhotoAccessHelper library, DeferredPhotoProxy proxy) {
		try {
			PhotoAsset asset = library.createAsset(PhotoType.IMAGE, ImageFileType.JPEG.extension());
			return library.applyChanges(new MediaAssetChangeRequest(asset).addResource(ResourceType.PHOTO_PROXY, proxy));
		} finally {
			proxy.release();
		}
	}
}
