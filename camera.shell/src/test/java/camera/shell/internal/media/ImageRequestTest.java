package camera.shell.internal.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import camera.shell.internal.console.CommandFailure;
import media.library.DeliveryMode;
import media.library.MediaAssetDataHandler;
import media.library.MediaAssetManager;
import media.library.MediaLibraryErrorCode;
import media.library.MediaLibraryException;
import media.library.MediaQuality;
import media.library.PhotoAsset;
import media.library.PhotoType;
import media.library.RequestOptions;

import org.junit.jupiter.api.Test;

class ImageRequestTest {
	private static final PhotoAsset ASSET = new PhotoAsset(5, "file://media/Photo/5/a.jpg", "a.jpg", PhotoType.IMAGE,
			"image/jpeg", 4, 3, 10, Instant.now(), Instant.now(), null, MediaQuality.FAST, "job-5", false, false);

	/** Answers each request with what the test scripted, on the request's thread. */
	private static final class ScriptedImages implements MediaAssetManager {
		final List<String> cancelled = new ArrayList<>();
		private final Consumer<MediaAssetDataHandler<byte[]>> script;

		ScriptedImages(Consumer<MediaAssetDataHandler<byte[]>> script) {
			this.script = script;
		}

		@Override
		public String requestImageData(PhotoAsset asset, RequestOptions options, MediaAssetDataHandler<byte[]> h) {
			script.accept(h);
			return "request-1";
		}

		@Override
		public String requestImage(PhotoAsset asset, RequestOptions options, MediaAssetDataHandler<BufferedImage> h) {
			throw new UnsupportedOperationException();
		}

		@Override
		public boolean cancelRequest(String requestId) {
			cancelled.add(requestId);
			return true;
		}
	}

	private final List<ImageDelivery> deliveries = new ArrayList<>();

	private ImageDelivery run(ScriptedImages images, DeliveryMode mode) throws InterruptedException {
		return new ImageRequest(images, Duration.ofMillis(200)).run(ASSET, mode, deliveries::add);
	}

	@Test
	void balancedModeDeliversTheFastImageThenTheFullOne() throws InterruptedException {
		ScriptedImages images = new ScriptedImages(h -> {
			h.onDataPrepared(new byte[] { 1 }, MediaQuality.FAST);
			h.onDataPrepared(new byte[] { 1, 2 }, MediaQuality.FULL);
		});
		ImageDelivery last = run(images, DeliveryMode.BALANCE_MODE);
		assertThat(deliveries).extracting(ImageDelivery::quality).containsExactly(MediaQuality.FAST, MediaQuality.FULL);
		assertThat(last.jpeg()).hasSize(2);
		assertThat(images.cancelled).isEmpty();
	}

	@Test
	void fastModeEndsAfterOneDelivery() throws InterruptedException {
		run(new ScriptedImages(h -> h.onDataPrepared(new byte[] { 1 }, MediaQuality.FAST)), DeliveryMode.FAST_MODE);
		assertThat(deliveries).hasSize(1);
	}

	@Test
	void cancelsTheRequestWhenTheFullImageDoesNotArriveInTime() {
		ScriptedImages images = new ScriptedImages(h -> h.onDataPrepared(new byte[] { 1 }, MediaQuality.FAST));
		assertThatThrownBy(() -> run(images, DeliveryMode.BALANCE_MODE)).isInstanceOf(CommandFailure.class)
			.hasMessageContaining("no FULL image of file://media/Photo/5/a.jpg");
		assertThat(images.cancelled).containsExactly("request-1");
	}

	@Test
	void reportsTheLibrarysErrorAsItIs() {
		ScriptedImages images = new ScriptedImages(
				h -> h.onError(new MediaLibraryException(MediaLibraryErrorCode.CANCELLED, "deleted")));
		assertThatThrownBy(() -> run(images, DeliveryMode.HIGH_QUALITY_MODE))
			.isInstanceOf(MediaLibraryException.class)
			.hasMessage("deleted");
		assertThat(images.cancelled).isEmpty();
	}

	@Test
	void printsUriQualityBytesAndMillisecondsOnOneLine() {
		assertThat(new ImageDelivery("file://media/Photo/5/a.jpg", MediaQuality.FULL, new byte[12], 30).line())
			.isEqualTo("file://media/Photo/5/a.jpg  FULL  12 bytes  30 ms");
	}
}
