package camera.web.internal.capture;

import java.util.function.Consumer;

import camera.api.DeferredDeliveryImageType;
import camera.api.DeferredPhotoProxy;
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
 * The app side of one delivery flow: which photo event it listens to and how it saves what arrives, the way an
 * application does.
 *
 * @param <P> what the photo event delivers
 */
interface PhotoDelivery<P> {

	/** Readies the output before {@code commitConfig}. */
	default void prepare(PhotoOutput output) {
	}

	/** Registers the listener of this flow's photo event; called before {@code commitConfig}. */
	Registration listen(PhotoOutput output, Consumer<P> photos);

	/** @return whether the committed configuration delivers photos the way this flow expects */
	default boolean fits(PhotoOutput output) {
		return true;
	}

	/** Saves a delivered photo in the library, all or nothing. */
	PhotoAsset save(PhotoAccessHelper library, P photo);

	/** @return the flow of a mode */
	static PhotoDelivery<?> of(CaptureMode mode) {
		return switch (mode) {
			case DEFERRED -> new Deferred();
			case SINGLE -> new SinglePhase();
			case PROXY -> new Proxy();
		};
	}

	/** The public app's flow: a FAST asset through {@code photoAssetAvailable}, kept with {@code saveCameraPhoto}. */
	final class Deferred implements PhotoDelivery<PhotoAsset> {
		@Override
		public Registration listen(PhotoOutput output, Consumer<PhotoAsset> photos) {
			return output.onPhotoAssetAvailable(photos);
		}

		@Override
		public boolean fits(PhotoOutput output) {
			return output.isDeferredImageDeliveryEnabled(DeferredDeliveryImageType.PHOTO);
		}

		@Override
		public PhotoAsset save(PhotoAccessHelper library, PhotoAsset asset) {
			return library.applyChanges(new MediaAssetChangeRequest(asset).saveCameraPhoto(ImageFileType.JPEG));
		}
	}

	/** The single-phase baseline: a FULL JPEG through {@code photoAvailable}, saved as a new asset. */
	final class SinglePhase implements PhotoDelivery<Photo> {
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

	/** The system app's flow: a {@link DeferredPhotoProxy}, saved as a new asset with {@code addResource(PHOTO_PROXY)}. */
	final class Proxy implements PhotoDelivery<DeferredPhotoProxy> {
		@Override
		public void prepare(PhotoOutput output) {
			output.deferImageDelivery(DeferredDeliveryImageType.PHOTO);
		}

		@Override
		public Registration listen(PhotoOutput output, Consumer<DeferredPhotoProxy> photos) {
			return output.onDeferredPhotoProxyAvailable(photos);
		}

		@Override
		public boolean fits(PhotoOutput output) {
			return output.isDeferredImageDeliveryEnabled(DeferredDeliveryImageType.PHOTO);
		}

		@Override
		public PhotoAsset save(PhotoAccessHelper library, DeferredPhotoProxy proxy) {
			try {
				PhotoAsset asset = library.createAsset(PhotoType.IMAGE, ImageFileType.JPEG.extension());
				return library
					.applyChanges(new MediaAssetChangeRequest(asset).addResource(ResourceType.PHOTO_PROXY, proxy));
			} finally {
				proxy.release();
			}
		}
	}
}
