package camera.shell.internal.camera;

import java.util.function.Consumer;

import camera.api.Photo;
import camera.api.PhotoOutput;
import camera.api.Registration;
import media.library.ImageFileType;
import media.library.MediaAssetChangeRequest;
import media.library.PhotoAccessHelper;
import media.library.PhotoAsset;
import media.library.PhotoType;
import media.library.ResourceType;

/**
 * The single-phase baseline: without a {@code photoAssetAvailable} listener the full pipeline runs at once,
 * {@code photoAvailable} delivers the FULL JPEG, and the app saves it as a new asset.
 */
final class SinglePhaseDelivery implements PhotoDelivery<Photo> {

	@Override
	public boolean defers() {
		return false;
	}

	@Override
	public Registration listen(PhotoOutput output, Consumer<Photo> photos) {
		return output.onPhotoAvailable(photos);
	}

	@Override
	public PhotoAsset save(PhotoAccessHelper library, Photo photo) {
		PhotoAsset asset = library.createAsset(PhotoType.IMAGE, ImageFileType.JPEG.extension());
		return library.applyChanges(
				new MediaAssetChangeRequest(asset).addResource(ResourceType.IMAGE_RESOURCE, photo.jpeg()));
	}
}
