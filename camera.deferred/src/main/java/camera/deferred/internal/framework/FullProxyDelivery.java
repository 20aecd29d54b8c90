package camera.deferred.internal.framework;

import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import camera.api.Size;
import camera.api.Thumbnail;
import camera.deferred.internal.development.StoppableDevelopment;
import camera.develop.JpegCodec;
import camera.develop.RgbImage;
import media.library.MediaQuality;

/**
 * The proxy flow's way out when a photo cannot be made durable for later (the spool is full, or the engine is
 * gone): the photo is developed fully at once and handed over as a proxy of FULL quality, which the app saves as it
 * saves every proxy. Its photo id names no job.
 */
final class FullProxyDelivery implements Delivery {
	private final Supplier<FrameworkSettings> settings;
	private final DeliveryServices services;
	private final StoppableDevelopment development;
	private final BooleanSupplier cancelled;

	FullProxyDelivery(Supplier<FrameworkSettings> settings, DeliveryServices services,
			StoppableDevelopment development, BooleanSupplier cancelled) {
		this.settings = settings;
		this.services = services;
		this.development = development;
		this.cancelled = cancelled;
	}

	@Override
	public void deliver(CapturedPhoto photo) {
		JpegCodec codec = services.codec();
		RgbImage image = development.developFull(services.developer(), photo.frameViews(), cancelled);
		byte[] jpeg = codec.encode(image, services.qualities().full(photo.capture().setting().quality()),
				photo.exif());
		RgbImage small = ThumbnailScaler.scale(image, settings.get().thumbnailSize());
		Thumbnail thumbnail = new Thumbnail(new Size(small.width(), small.height()),
				codec.encode(small, services.qualities().fast(), photo.exif()));
		photo.capture()
			.output()
			.fireProxy(new CapturedPhotoProxy("developed-" + UUID.randomUUID(), MediaQuality.FULL, jpeg, image.width(),
					image.height(), thumbnail));
	}
}
