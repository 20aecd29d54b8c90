package camera.deferred.internal.framework;

import java.nio.ByteBuffer;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.osgi.service.log.Logger;

import camera.api.Photo;
import camera.api.Size;
import camera.deferred.internal.development.StoppableDevelopment;
import camera.develop.RgbImage;
import media.library.MediaQuality;

/**
 * The baseline: the full pipeline runs inline and {@code photoAvailable} delivers a FULL photo, with the DNG of its
 * first frame when the capture asked for a raw file.
 */
final class SinglePhaseDelivery implements Delivery {
	private final Supplier<FrameworkSettings> settings;
	private final DeliveryServices services;
	private final StoppableDevelopment development;
	private final BooleanSupplier cancelled;
	private final Logger log;

	SinglePhaseDelivery(Supplier<FrameworkSettings> settings, DeliveryServices services,
			StoppableDevelopment development, BooleanSupplier cancelled, Logger log) {
		this.log = log;
		this.services = services;
		this.settings = settings;
		this.development = development;
		this.cancelled = cancelled;
	}

	@Override
	public void deliver(CapturedPhoto photo) {
		CaptureTimeline timeline = photo.capture().timeline();
		timeline.mark(CaptureTimeline.Mark.DEVELOP_START);
		RgbImage image = development.developFull(services.developer(), photo.frameViews(), cancelled);
		timeline.mark(CaptureTimeline.Mark.DEVELOPED);
		byte[] jpeg = services.codec().encode(image, services.qualities().full(photo.capture().setting().quality()),
				photo.exif());
		timeline.mark(CaptureTimeline.Mark.ENCODED);
		ByteBuffer raw = RawFiles.dng(services, photo, log).map(ByteBuffer::wrap).orElse(null);
		photo.capture()
			.output()
			.firePhoto(new Photo(photo.capture().id(), ByteBuffer.wrap(jpeg), new Size(image.width(), image.height()),
					MediaQuality.FULL, photo.captureTime(), raw));
	}
}
