package camera.deferred.internal.framework;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import camera.api.Size;
import camera.api.Thumbnail;
import camera.api.hal.RawFrame;
import camera.develop.ExifData;
import camera.develop.JpegCodec;
import camera.develop.RgbImage;

/**
 * Phase 1: the light development of one frame, encoded fast. It starts as soon as the first frame of a capture
 * arrives, so it runs while the camera delivers the rest of the burst and while the engine spools it.
 */
final class FastImages {
	private final DeliveryServices services;
	private final Supplier<FrameworkSettings> settings;

	FastImages(DeliveryServices services, Supplier<FrameworkSettings> settings) {
		this.services = services;
		this.settings = settings;
	}

	CompletableFuture<FastImage> start(RawFrame frame, ExifData exif, boolean withThumbnail, Executor executor,
			CaptureTimeline timeline) {
		RawFrame view = RawFrames.view(frame);
		return CompletableFuture.supplyAsync(() -> develop(view, exif, withThumbnail, timeline), executor);
	}

	/** @return the first-phase image of the photo, waiting for it; its failure is rethrown as it was */
	static FastImage await(CapturedPhoto photo) {
		try {
			return photo.fastImage().join();
		} catch (CompletionException e) {
			if (e.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw e;
		}
	}

	private FastImage develop(RawFrame frame, ExifData exif, boolean withThumbnail, CaptureTimeline timeline) {
		FrameworkSettings current = settings.get();
		JpegCodec codec = services.codec();
		timeline.mark(CaptureTimeline.Mark.DEVELOP_START);
		RgbImage image = services.developer().developFast(frame);
		timeline.mark(CaptureTimeline.Mark.DEVELOPED);
		int quality = services.qualities().fast();
		byte[] jpeg = codec.encode(image, quality, exif);
		timeline.mark(CaptureTimeline.Mark.ENCODED);
		Thumbnail thumbnail = null;
		if (withThumbnail) {
			RgbImage small = ThumbnailScaler.scale(image, current.thumbnailSize());
			thumbnail = new Thumbnail(new Size(small.width(), small.height()),
					codec.encode(small, quality, exif));
		}
		return new FastImage(image, jpeg, thumbnail);
	}
}
