package camera.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

import media.library.DeliveryMode;
import media.library.MediaAssetChangeRequest;
import media.library.MediaAssetDataHandler;
import media.library.MediaAssetManager;
import media.library.MediaLibraryException;
import media.library.MediaQuality;
import media.library.PhotoAccessHelper;
import media.library.PhotoAsset;
import media.library.PhotoType;
import media.library.RequestOptions;
import media.library.ResourceType;

@ExtendWith(ServiceExtension.class)
class MediaLibraryIT {

	@InjectService(timeout = 10_000)
	PhotoAccessHelper photos;

	@InjectService(timeout = 10_000)
	MediaAssetManager assets;

	@Test
	void anImageAddedThroughTheServiceComesBackFromRequestImageData() throws Exception {
		byte[] jpeg = jpeg(64, 48);
		PhotoAsset created = photos.createAsset(PhotoType.IMAGE, "jpg");
		try {
			PhotoAsset saved = photos.applyChanges(
					new MediaAssetChangeRequest(created).addResource(ResourceType.IMAGE_RESOURCE, jpeg));
			CompletableFuture<byte[]> delivered = new CompletableFuture<>();
			assets.requestImageData(saved, new RequestOptions(DeliveryMode.FAST_MODE), new MediaAssetDataHandler<>() {
				@Override
				public void onDataPrepared(byte[] data, MediaQuality quality) {
					delivered.complete(data);
				}

				@Override
				public void onError(MediaLibraryException error) {
					delivered.completeExceptionally(error);
				}
			});

			assertThat(saved.quality()).isEqualTo(MediaQuality.FULL);
			assertThat(delivered.get(10, TimeUnit.SECONDS)).isEqualTo(jpeg);
		} finally {
			photos.deletePermanently(List.of(created));
		}
	}

	private static byte[] jpeg(int width, int height) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "jpeg", out);
		return out.toByteArray();
	}
}
