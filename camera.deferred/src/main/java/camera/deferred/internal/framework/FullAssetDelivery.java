package camera.deferred.internal.framework;

import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.osgi.service.log.Logger;

import camera.api.CameraErrorCode;
import camera.api.CameraException;
import camera.deferred.internal.development.StoppableDevelopment;
import camera.develop.RgbImage;
import media.library.MediaAssetChangeRequest;
import media.library.PhotoAccessHelper;
import media.library.PhotoAsset;
import media.library.PhotoType;
import media.library.ResourceType;

/**
 * The way out when a deferred photo cannot be made durable for later (the spool is full, or the engine is gone):
 * the photo is developed fully at once and saved in the library as a FULL asset, then delivered through
 * {@code photoAssetAvailable}. Slower, but nothing is lost.
 */
final class FullAssetDelivery implements Delivery {
	private final Supplier<FrameworkSettings> settings;
	private final DeliveryServices services;
	private final StoppableDevelopment development;
	private final BooleanSupplier cancelled;
	private final Logger log;

	FullAssetDelivery(Supplier<FrameworkSettings> settings, DeliveryServices services,
			StoppableDevelopment development, BooleanSupplier cancelled, Logger log) {
		this.settings = settings;
		this.services = services;
		this.development = development;
		this.cancelled = cancelled;
		this.log = log;
	}

	@Override
	public void deliver(CapturedPhoto photo) {
		PhotoAccessHelper library = services.library()
			.orElseThrow(() -> new CameraException(CameraErrorCode.SERVICE_FATAL_ERROR,
					"the media library is not available to save capture " + photo.capture().id()));
		RgbImage image = development.developFull(services.developer(), photo.frameViews(), cancelled);
		byte[] jpeg = services.codec().encode(image, services.qualities().full(photo.capture().setting().quality()),
				photo.exif());
		Optional<byte[]> raw = RawFiles.dng(services, photo, log);
		PhotoAsset created = library.createAsset(PhotoType.IMAGE, "jpg");
		PhotoAsset saved;
		try {
			MediaAssetChangeRequest request = new MediaAssetChangeRequest(created)
				.addResource(ResourceType.IMAGE_RESOURCE, jpeg);
			raw.ifPresent(dng -> request.addResource(ResourceType.RAW_IMAGE, dng));
			saved = library.applyChanges(request);
		} catch (RuntimeException e) {
			discard(library, created);
			throw e;
		}
		photo.capture().output().firePhotoAsset(saved);
	}

	private void discard(PhotoAccessHelper library, PhotoAsset empty) {
		try {
			library.deletePermanently(List.of(empty));
		} catch (RuntimeException e) {
			log.error("Could not remove the empty asset {} after a failed save: {}", empty.uri(), e.toString());
		}
	}
}
