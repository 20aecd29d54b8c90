package camera.shell.internal.camera;

import java.util.function.Consumer;

import camera.api.CameraDevice;
import camera.api.DeferredDeliveryImageType;
import camera.api.PhotoOutput;
import camera.api.Registration;
import camera.shell.internal.console.CommandFailure;
import media.library.ImageFileType;
import media.library.MediaAssetChangeRequest;
import media.library.PhotoAccessHelper;
import media.library.PhotoAsset;

/**
 * The public app's deferred flow: a FAST asset arrives through {@code photoAssetAvailable} (registered before
 * {@code commitConfig}, which turns deferred delivery on) and is kept with {@code saveCameraPhoto}.
 */
final class DeferredAssetDelivery implements PhotoDelivery<PhotoAsset> {

	@Override
	public Registration listen(PhotoOutput output, Consumer<PhotoAsset> photos) {
		return output.onPhotoAssetAvailable(photos);
	}

	@Override
	public void check(PhotoOutput output, CameraDevice camera) {
		if (!output.isDeferredImageDeliveryEnabled(DeferredDeliveryImageType.PHOTO)) {
			throw new CommandFailure("camera '" + camera.cameraId()
					+ "' does not defer photo delivery: use -m single for a full-quality photo at once");
		}
	}

	@Override
	public PhotoAsset save(PhotoAccessHelper library, PhotoAsset asset) {
		return library.applyChanges(new MediaAssetChangeRequest(asset).saveCameraPhoto(ImageFileType.JPEG));
	}
}
