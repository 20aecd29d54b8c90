package media.library.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import media.library.AssetQuery;
import media.library.MediaAssetChangeRequest;
import media.library.MediaLibraryErrorCode;
import media.library.MediaLibraryException;
import media.library.MediaQuality;
import media.library.PhotoAsset;
import media.library.PhotoType;
import media.library.RawImage;
import media.library.ResourceType;

class RawImagesTest {
	private static final byte[] DNG = "MM\0*not really a DNG, but bytes the library keeps as they are".getBytes();

	@TempDir
	Path data;
	private LibraryFixture fixture;

	@BeforeEach
	void open() {
		fixture = new LibraryFixture(data);
	}

	@AfterEach
	void close() {
		fixture.close();
	}

	@Nested
	class SavedWithThePhoto {
		@Test
		void aPhotoSavedWithARawImageKeepsItBesideTheImage() {
			PhotoAsset asset = saveWithRaw();

			assertThat(fixture.library.getRawImage(asset)).contains(new RawImage(
					asset.displayName().replace(".jpg", ".dng"), RawImage.DNG, DNG.length));
			assertThat(fixture.library.getRawImageData(asset)).isEqualTo(DNG);
			assertThat(rawFile(asset)).exists();
		}

		@Test
		void aPhotoWithoutRawImageSaysSo() {
			PhotoAsset asset = fixture.library.applyChanges(new MediaAssetChangeRequest(
					fixture.library.createAsset(PhotoType.IMAGE, "jpg")).addResource(ResourceType.IMAGE_RESOURCE,
							TestImages.full()));

			assertThat(fixture.library.getRawImage(asset)).isEmpty();
			assertThatThrownBy(() -> fixture.library.getRawImageData(asset)).isInstanceOf(MediaLibraryException.class)
				.hasMessageContaining("has no raw image")
				.extracting(e -> ((MediaLibraryException) e).errorCode())
				.isEqualTo(MediaLibraryErrorCode.NOT_FOUND);
		}

		@Test
		void aFailedRequestLeavesNoRawImage() {
			PhotoAsset full = saveWithoutRaw();

			assertThatThrownBy(() -> fixture.library.applyChanges(new MediaAssetChangeRequest(full)
				.addResource(ResourceType.IMAGE_RESOURCE, TestImages.full())
				.addResource(ResourceType.RAW_IMAGE, DNG))).isInstanceOf(MediaLibraryException.class);

			assertThat(fixture.library.getRawImage(full)).isEmpty();
		}
	}

	@Nested
	class DeferredPhotos {
		@Test
		void theEngineAddsTheRawImageOfAPendingJobWithoutChangingTheQuality() throws Exception {
			PhotoAsset asset = fixture.savedCameraAsset("job-raw");
			Path dng = Files.write(data.resolve("frame.dng"), DNG);

			PhotoAsset after = fixture.library.addRawImage("job-raw", dng).orElseThrow();

			assertThat(after.quality()).isEqualTo(MediaQuality.FAST);
			assertThat(fixture.library.getRawImageData(asset)).isEqualTo(DNG);
		}

		@Test
		void aJobWhoseAssetIsGoneGetsNothing() throws Exception {
			Path dng = Files.write(data.resolve("frame.dng"), DNG);

			assertThat(fixture.library.addRawImage("no-such-job", dng)).isEmpty();
		}
	}

	@Nested
	class WithTheAsset {
		@Test
		void trashAndRestoreKeepTheRawImage() {
			PhotoAsset asset = saveWithRaw();

			fixture.library.trash(List.of(asset));
			assertThat(fixture.library.getRawImage(asset)).isPresent();
			fixture.library.restore(List.of(asset));

			assertThat(fixture.library.getRawImageData(asset)).isEqualTo(DNG);
		}

		@Test
		void deletingTheAssetDeletesItsRawImage() {
			PhotoAsset asset = saveWithRaw();
			Path raw = rawFile(asset);

			fixture.library.deletePermanently(List.of(asset));

			assertThat(raw).doesNotExist();
		}

		@Test
		void startUpListsAPhotoFolderWithItsRawImageAgainAndKeepsBoth() throws Exception {
			PhotoAsset asset = saveWithRaw();
			fixture.library.close();
			Files.delete(data.resolve("media/library.db"));
			Files.deleteIfExists(data.resolve("media/library.db-wal"));
			Files.deleteIfExists(data.resolve("media/library.db-shm"));

			fixture.open();

			PhotoAsset found = fixture.library.getAssets(AssetQuery.all()).getFirst();
			assertThat(found.id()).isEqualTo(asset.id());
			assertThat(fixture.library.getRawImageData(found)).isEqualTo(DNG);
		}
	}

	private PhotoAsset saveWithRaw() {
		return fixture.library.applyChanges(new MediaAssetChangeRequest(fixture.library.createAsset(PhotoType.IMAGE,
				"jpg")).addResource(ResourceType.IMAGE_RESOURCE, TestImages.full()).addResource(ResourceType.RAW_IMAGE, DNG));
	}

	private PhotoAsset saveWithoutRaw() {
		return fixture.library.applyChanges(new MediaAssetChangeRequest(fixture.library.createAsset(PhotoType.IMAGE,
				"jpg")).addResource(ResourceType.IMAGE_RESOURCE, TestImages.full()));
	}

	private Path rawFile(PhotoAsset asset) {
		return data.resolve("media/Photo").resolve(Long.toString(asset.id()))
			.resolve(asset.displayName().replace(".jpg", ".dng"));
	}
}
