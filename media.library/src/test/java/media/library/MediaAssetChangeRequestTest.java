package media.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MediaAssetChangeRequestTest {

	private static final PhotoAsset ASSET = new PhotoAsset(1, "file://media/Photo/1/IMG_1.jpg", "IMG_1.jpg",
			PhotoType.IMAGE, "image/jpeg", 0, 0, 0, Instant.EPOCH, Instant.EPOCH, null, MediaQuality.FAST, "job-1",
			true, false);

	private static final PhotoProxy PROXY = new PhotoProxy() {
		@Override
		public String photoId() {
			return "job-2";
		}

		@Override
		public byte[] imageData() {
			return new byte[] { 1 };
		}

		@Override
		public int width() {
			return 1;
		}

		@Override
		public int height() {
			return 1;
		}
	};

	private static void assertInvalid(Runnable change) {
		assertThatThrownBy(change::run).isInstanceOfSatisfying(MediaLibraryException.class,
				e -> assertThat(e.errorCode()).isEqualTo(MediaLibraryErrorCode.INVALID_ARGUMENT));
	}

	@Test
	void needsAnAsset() {
		assertInvalid(() -> new MediaAssetChangeRequest(null));
	}

	@Nested
	class CameraPhotos {
		@Test
		void saveRecordsTheFileType() {
			MediaAssetChangeRequest request = new MediaAssetChangeRequest(ASSET).saveCameraPhoto(ImageFileType.JPEG);
			assertThat(request.savedAs()).contains(ImageFileType.JPEG);
			assertThat(request.discards()).isFalse();
		}

		@Test
		void cannotBeBothSavedAndDiscarded() {
			assertInvalid(() -> new MediaAssetChangeRequest(ASSET).saveCameraPhoto(ImageFileType.JPEG)
				.discardCameraPhoto());
			assertInvalid(() -> new MediaAssetChangeRequest(ASSET).discardCameraPhoto()
				.saveCameraPhoto(ImageFileType.JPEG));
		}

		@Test
		void saveNeedsAFileType() {
			assertInvalid(() -> new MediaAssetChangeRequest(ASSET).saveCameraPhoto(null));
		}
	}

	@Nested
	class Resources {
		@Test
		void imageBytesAreCopiedInAndOut() {
			byte[] bytes = { 1, 2, 3 };
			MediaAssetChangeRequest request = new MediaAssetChangeRequest(ASSET)
				.addResource(ResourceType.IMAGE_RESOURCE, bytes);
			bytes[0] = 9;
			assertThat(request.imageBytes()).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));
		}

		@Test
		void emptyImagesAreRefused() {
			assertInvalid(() -> new MediaAssetChangeRequest(ASSET).addResource(ResourceType.IMAGE_RESOURCE,
					new byte[0]));
			assertInvalid(() -> new MediaAssetChangeRequest(ASSET).addResource(ResourceType.IMAGE_RESOURCE,
					(Path) null));
		}

		@Test
		void theResourceTypeMustMatchWhatIsAdded() {
			assertInvalid(() -> new MediaAssetChangeRequest(ASSET).addResource(ResourceType.PHOTO_PROXY,
					new byte[] { 1 }));
			assertInvalid(() -> new MediaAssetChangeRequest(ASSET).addResource(ResourceType.IMAGE_RESOURCE, PROXY));
		}

		@Test
		void aRequestCarriesOneResourceAtMost() {
			assertInvalid(() -> new MediaAssetChangeRequest(ASSET).addResource(ResourceType.PHOTO_PROXY, PROXY)
				.addResource(ResourceType.IMAGE_RESOURCE, new byte[] { 1 }));
		}

		@Test
		void aProxyIsKept() {
			assertThat(new MediaAssetChangeRequest(ASSET).addResource(ResourceType.PHOTO_PROXY, PROXY).photoProxy())
				.containsSame(PROXY);
		}
	}

	@Nested
	class Queries {
		@Test
		void pagesMustBeSensible() {
			assertInvalid(() -> AssetQuery.all().page(-1, 10));
			assertInvalid(() -> AssetQuery.all().page(0, 0));
		}

		@Test
		void refinementsKeepTheRest() {
			AssetQuery query = AssetQuery.all().withQuality(MediaQuality.FULL).inTrash().page(10, 5);
			assertThat(query).isEqualTo(new AssetQuery(MediaQuality.FULL, true, true, 10, 5));
		}
	}
}
