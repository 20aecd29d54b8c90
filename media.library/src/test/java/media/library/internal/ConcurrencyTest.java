package media.library.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import media.library.AssetQuery;
import media.library.DeliveryMode;
import media.library.MediaQuality;
import media.library.PhotoAsset;
import media.library.RequestOptions;
import media.library.internal.RecordingHandler.Delivery;

class ConcurrencyTest {
	private static final int THREADS = 8;
	private static final int PHOTOS = 48;

	@TempDir
	Path data;
	LibraryFixture fixture;
	ExecutorService pool = Executors.newFixedThreadPool(THREADS);

	@BeforeEach
	void open() {
		fixture = new LibraryFixture(data);
	}

	@AfterEach
	void close() {
		pool.shutdownNow();
		fixture.close();
	}

	@Test
	void concurrentCreatesRequestsAndReplacementsLeaveEveryAssetWholeAndFull() throws Exception {
		List<Future<RecordingHandler<byte[]>>> results = new ArrayList<>();
		for (int i = 0; i < PHOTOS; i++) {
			String jobId = "job-" + i;
			results.add(pool.submit(() -> {
				PhotoAsset asset = fixture.savedCameraAsset(jobId);
				RecordingHandler<byte[]> handler = new RecordingHandler<>();
				fixture.library.requestImageData(asset, new RequestOptions(DeliveryMode.BALANCE_MODE), handler);
				fixture.library.completeDeferredPhoto(jobId, fixture.fullImageFile(), 32, 24);
				return handler;
			}));
		}

		for (Future<RecordingHandler<byte[]>> result : results) {
			RecordingHandler<byte[]> handler = result.get();
			Delivery<byte[]> delivery = handler.next();
			if (delivery.quality() == MediaQuality.FAST) {
				assertThat(TestImages.isFast(delivery.data())).isTrue();
				delivery = handler.next();
			}
			assertThat(delivery.quality()).isEqualTo(MediaQuality.FULL);
			assertThat(TestImages.isFull(delivery.data())).isTrue();
		}
		List<PhotoAsset> assets = fixture.library.getAssets(AssetQuery.all());
		assertThat(assets).hasSize(PHOTOS).allSatisfy(asset -> {
			assertThat(asset.quality()).isEqualTo(MediaQuality.FULL);
			assertThat(TestImages.isFull(fixture.fileOf(asset))).isTrue();
		});
		assertThat(fixture.log.problems()).isEmpty();
	}

	@Test
	void readersDuringAReplacementSeeTheWholeFastOrTheWholeFullImage() throws Exception {
		List<PhotoAsset> assets = new ArrayList<>();
		for (int i = 0; i < PHOTOS / 4; i++) {
			assets.add(fixture.savedCameraAsset("job-read-" + i));
		}
		List<Callable<List<Delivery<byte[]>>>> readers = new ArrayList<>();
		for (int r = 0; r < THREADS / 2; r++) {
			readers.add(() -> {
				List<Delivery<byte[]>> seen = new ArrayList<>();
				for (int round = 0; round < 5; round++) {
					for (PhotoAsset asset : assets) {
						RecordingHandler<byte[]> handler = new RecordingHandler<>();
						fixture.library.requestImageData(asset, new RequestOptions(DeliveryMode.FAST_MODE), handler);
						seen.add(handler.next());
					}
				}
				return seen;
			});
		}
		List<Future<List<Delivery<byte[]>>>> reading = readers.stream().map(pool::submit).toList();
		for (int i = 0; i < assets.size(); i++) {
			fixture.library.completeDeferredPhoto("job-read-" + i, fixture.fullImageFile(), 32, 24);
		}

		for (Future<List<Delivery<byte[]>>> reader : reading) {
			assertThat(reader.get()).allSatisfy(delivery -> {
				assertThat(delivery.error()).isNull();
				boolean matches = delivery.quality() == MediaQuality.FULL ? TestImages.isFull(delivery.data())
						: TestImages.isFast(delivery.data());
				assertThat(matches).as("the image matches its quality " + delivery.quality()).isTrue();
			});
		}
	}
}
