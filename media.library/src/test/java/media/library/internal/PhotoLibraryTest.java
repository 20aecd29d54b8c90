package media.library.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.imageio.ImageIO;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;

import media.library.AssetQuery;
import media.library.DeliveryMode;
import media.library.ImageFileType;
import media.library.MediaAssetChangeRequest;
import media.library.MediaLibraryErrorCode;
import media.library.MediaLibraryEvents;
import media.library.MediaLibraryException;
import media.library.MediaQuality;
import media.library.PhotoAsset;
import media.library.PhotoProxy;
import media.library.PhotoType;
import media.library.RequestOptions;
import media.library.ResourceType;
import media.library.internal.RecordingHandler.Delivery;

class PhotoLibraryTest {
	@TempDir
	Path data;
	LibraryFixture fixture;
	PhotoLibrary library;

	@BeforeEach
	void open() {
		fixture = new LibraryFixture(data);
		library = fixture.library;
	}

	@AfterEach
	void close() {
		fixture.close();
	}

	private static RequestOptions mode(DeliveryMode mode) {
		return new RequestOptions(mode);
	}

	private static MediaLibraryErrorCode codeOf(Throwable thrown) {
		return ((MediaLibraryException) thrown).errorCode();
	}

	private static PhotoProxy proxy(String jobId, byte[] image) {
		return proxy(jobId, image, MediaQuality.FAST);
	}

	private static PhotoProxy proxy(String jobId, byte[] image, MediaQuality quality) {
		return new PhotoProxy() {
			@Override
			public MediaQuality quality() {
				return quality;
			}

			@Override
			public String photoId() {
				return jobId;
			}

			@Override
			public byte[] imageData() {
				return image;
			}

			@Override
			public int width() {
				return 32;
			}

			@Override
			public int height() {
				return 24;
			}
		};
	}

	@Nested
	class CreatingAssets {
		@Test
		void aCreatedAssetHasAUriOfTheSourceDocumentsForm() {
			PhotoAsset asset = library.createAsset("holiday.jpg");

			assertThat(asset.uri()).isEqualTo("file://media/Photo/" + asset.id() + "/holiday.jpg");
		}

		@Test
		void aGeneratedNameFollowsTheImgPattern() {
			PhotoAsset asset = library.createAsset(PhotoType.IMAGE, "jpg");

			assertThat(asset.displayName()).matches("IMG_\\d{8}_\\d{6}_\\d{3}\\.jpg");
		}

		@Test
		void anAssetWithoutAnImageIsNotListed() {
			library.createAsset("empty.jpg");

			assertThat(library.getAssets(AssetQuery.all())).isEmpty();
		}

		@Test
		void addingImageBytesListsAFullAssetWithTheImageSize() {
			PhotoAsset asset = library.createAsset("a.jpg");

			PhotoAsset saved = library.applyChanges(
					new MediaAssetChangeRequest(asset).addResource(ResourceType.IMAGE_RESOURCE, TestImages.full()));

			assertThat(saved.quality()).isEqualTo(MediaQuality.FULL);
			assertThat(saved.width()).isEqualTo(32);
			assertThat(saved.height()).isEqualTo(24);
			assertThat(library.getAssets(AssetQuery.all())).extracting(PhotoAsset::id).containsExactly(asset.id());
		}

		@Test
		void addingAnImageFileCopiesIt() throws Exception {
			Path file = fixture.fullImageFile();
			PhotoAsset asset = library.createAsset("b.jpg");

			PhotoAsset saved = library.applyChanges(
					new MediaAssetChangeRequest(asset).addResource(ResourceType.IMAGE_RESOURCE, file));
			Files.delete(file);

			assertThat(TestImages.isFull(fixture.fileOf(saved))).isTrue();
		}

		@Test
		void getAssetFindsAnAssetByItsUriAndNotByAnotherName() {
			PhotoAsset asset = library.createAsset("c.jpg");

			assertThat(library.getAsset(asset.uri())).map(PhotoAsset::id).contains(asset.id());
			assertThat(library.getAsset("file://media/Photo/" + asset.id() + "/other.jpg")).isEmpty();
		}

		@Test
		void getAssetByIdFindsAnAssetByItsIdAloneTrashedOnesToo() {
			PhotoAsset asset = library.createAsset("d.jpg");
			PhotoAsset trashed = library.applyChanges(new MediaAssetChangeRequest(library.createAsset("e.jpg"))
				.addResource(ResourceType.IMAGE_RESOURCE, TestImages.full()));
			library.trash(List.of(trashed));

			assertThat(library.getAssetById(asset.id())).map(PhotoAsset::uri).contains(asset.uri());
			assertThat(library.getAssetById(trashed.id())).map(PhotoAsset::trashed).contains(true);
		}

		@Test
		void getAssetByIdFindsNothingForAnIdNoAssetHas() {
			PhotoAsset asset = library.createAsset("f.jpg");

			assertThat(library.getAssetById(asset.id() + 1000)).isEmpty();
			assertThat(library.getAssetById(0)).isEmpty();
			assertThat(library.getAssetById(-1)).isEmpty();
		}

		@Test
		void listingsFilterByQualityAndPage() {
			PhotoAsset full = library.applyChanges(new MediaAssetChangeRequest(library.createAsset("full.jpg"))
				.addResource(ResourceType.IMAGE_RESOURCE, TestImages.full()));
			fixture.clock.advance(Duration.ofSeconds(1));
			PhotoAsset fast = fixture.savedCameraAsset("job-list");

			assertThat(library.getAssets(AssetQuery.all().withQuality(MediaQuality.FAST))).extracting(PhotoAsset::id)
				.containsExactly(fast.id());
			assertThat(library.getAssets(AssetQuery.all().page(0, 1))).extracting(PhotoAsset::id)
				.containsExactly(fast.id());
			assertThat(library.getAssets(AssetQuery.all().page(1, 5))).extracting(PhotoAsset::id)
				.containsExactly(full.id());
		}

		@Test
		void aSavedImageGetsASmallThumbnail() throws Exception {
			PhotoAsset saved = library.applyChanges(new MediaAssetChangeRequest(library.createAsset("big.jpg"))
				.addResource(ResourceType.IMAGE_RESOURCE, TestImages.jpeg(400, 300, TestImages.FULL_LEVEL)));

			BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(library.getThumbnail(saved)));

			assertThat(Math.max(thumbnail.getWidth(), thumbnail.getHeight())).isEqualTo(64);
		}
	}

	@Nested
	class ProxyFlow {
		@Test
		void aProxyResourceMakesAListedFastAssetTiedToTheJob() throws Exception {
			PhotoAsset asset = library.createAsset(PhotoType.IMAGE, "jpg");

			PhotoAsset saved = library.applyChanges(new MediaAssetChangeRequest(asset)
				.addResource(ResourceType.PHOTO_PROXY, proxy("job-proxy", TestImages.fast())));

			assertThat(saved.quality()).isEqualTo(MediaQuality.FAST);
			assertThat(saved.deferredJobId()).isEqualTo("job-proxy");
			assertThat(TestImages.isFast(fixture.fileOf(saved))).isTrue();
			assertThat(library.getAssets(AssetQuery.all())).extracting(PhotoAsset::id).containsExactly(saved.id());
		}

		@Test
		void aFullProxyMakesAListedFinalAssetWithoutAJob() throws Exception {
			PhotoAsset asset = library.createAsset(PhotoType.IMAGE, "jpg");

			PhotoAsset saved = library.applyChanges(new MediaAssetChangeRequest(asset)
				.addResource(ResourceType.PHOTO_PROXY, proxy("developed-at-once", TestImages.full(), MediaQuality.FULL)));

			assertThat(saved.quality()).isEqualTo(MediaQuality.FULL);
			assertThat(saved.deferredJobId()).isNull();
			assertThat(TestImages.isFull(fixture.fileOf(saved))).isTrue();
			assertThat(library.getAssets(AssetQuery.all())).extracting(PhotoAsset::id).containsExactly(saved.id());
		}

		@Test
		void aJobCanBelongToOneAssetOnly() {
			library.applyChanges(new MediaAssetChangeRequest(library.createAsset("one.jpg"))
				.addResource(ResourceType.PHOTO_PROXY, proxy("job-twice", TestImages.fast())));
			MediaAssetChangeRequest second = new MediaAssetChangeRequest(library.createAsset("two.jpg"))
				.addResource(ResourceType.PHOTO_PROXY, proxy("job-twice", TestImages.fast()));

			assertThatThrownBy(() -> library.applyChanges(second)).extracting(PhotoLibraryTest::codeOf)
				.isEqualTo(MediaLibraryErrorCode.OPERATION_NOT_SUPPORTED);
		}
	}

	@Nested
	class DateTakenFromExif {
		private final Instant taken = Instant.parse("2026-11-21T08:30:15Z");

		private byte[] jpegTaken() {
			return ExifBlocks.jpegTaken(ByteOrder.BIG_ENDIAN, "2026:11:21 10:30:15", "+02:00");
		}

		@Test
		void imageBytesWithExifGiveTheAssetTheirCaptureTime() {
			PhotoAsset saved = library.applyChanges(new MediaAssetChangeRequest(library.createAsset("exif.jpg"))
				.addResource(ResourceType.IMAGE_RESOURCE, jpegTaken()));

			assertThat(saved.dateTaken()).isEqualTo(taken);
		}

		@Test
		void anImageFileWithExifGivesTheAssetItsCaptureTime() throws Exception {
			Path file = data.resolve("exif.jpg");
			Files.write(file, ExifBlocks.jpegTaken(ByteOrder.LITTLE_ENDIAN, "2026:11:21 10:30:15", "+02:00"));

			PhotoAsset saved = library.applyChanges(new MediaAssetChangeRequest(library.createAsset("file.jpg"))
				.addResource(ResourceType.IMAGE_RESOURCE, file));

			assertThat(saved.dateTaken()).isEqualTo(taken);
		}

		@Test
		void aProxyImageWithExifGivesTheAssetItsCaptureTime() {
			PhotoAsset saved = library.applyChanges(new MediaAssetChangeRequest(library.createAsset(PhotoType.IMAGE, "jpg"))
				.addResource(ResourceType.PHOTO_PROXY, proxy("job-exif", jpegTaken())));

			assertThat(saved.dateTaken()).isEqualTo(taken);
		}

		@Test
		void anImageWithoutExifLeavesTheCaptureTimeUnknown() {
			PhotoAsset saved = library.applyChanges(new MediaAssetChangeRequest(library.createAsset("plain.jpg"))
				.addResource(ResourceType.IMAGE_RESOURCE, TestImages.full()));

			assertThat(saved.dateTaken()).isNull();
		}

		@Test
		void theCaptureTimeIsListedAfterARestart() {
			library.applyChanges(new MediaAssetChangeRequest(library.createAsset("kept.jpg"))
				.addResource(ResourceType.IMAGE_RESOURCE, jpegTaken()));

			fixture.reopen();

			assertThat(fixture.library.getAssets(AssetQuery.all())).extracting(PhotoAsset::dateTaken)
				.containsExactly(taken);
		}
	}

	@Nested
	class CameraLifecycle {
		@Test
		void aCameraAssetIsHiddenUntilTheAppSavesIt() {
			PhotoAsset pending = fixture.cameraAsset("job-1");

			assertThat(pending.pending()).isTrue();
			assertThat(library.getAssets(AssetQuery.all())).isEmpty();
			assertThat(library.getAsset(pending.uri())).isPresent();
		}

		@Test
		void savingACameraPhotoListsItAndPostsSaved() throws Exception {
			PhotoAsset saved = fixture.savedCameraAsset("job-2");

			assertThat(saved.pending()).isFalse();
			assertThat(library.getAssets(AssetQuery.all())).extracting(PhotoAsset::id).containsExactly(saved.id());
			Event event = fixture.events.next(MediaLibraryEvents.TOPIC_SAVED);
			assertThat(event.getProperty(MediaLibraryEvents.ASSET_URI)).isEqualTo(saved.uri());
		}

		@Test
		void savingASavedPhotoAgainChangesNothing() {
			PhotoAsset saved = fixture.savedCameraAsset("job-3");

			PhotoAsset again = library.applyChanges(new MediaAssetChangeRequest(saved).saveCameraPhoto(ImageFileType.JPEG));

			assertThat(again).isEqualTo(library.getAsset(saved.uri()).orElseThrow());
			assertThat(again.deferredJobId()).isEqualTo("job-3");
		}

		@Test
		void discardingASavedPhotoChangesNothing() throws Exception {
			PhotoAsset saved = fixture.savedCameraAsset("job-7");

			library.applyChanges(new MediaAssetChangeRequest(saved).discardCameraPhoto());

			assertThat(library.getAssets(AssetQuery.all())).extracting(PhotoAsset::id).containsExactly(saved.id());
			assertThat(TestImages.isFast(fixture.fileOf(saved))).isTrue();
		}

		@Test
		void discardingDeletesTheAssetAndCancelsItsJob() throws Exception {
			RecordingSession session = bindSession();
			PhotoAsset pending = fixture.cameraAsset("job-4");

			library.applyChanges(new MediaAssetChangeRequest(pending).discardCameraPhoto());

			assertThat(library.getAsset(pending.uri())).isEmpty();
			assertThat(session.nextCall()).isEqualTo("removeImage job-4 false");
			assertThat(data.resolve("media/Photo/" + pending.id())).doesNotExist();
		}

		@Test
		void anUnsavedAssetIsRemovedAfterThePendingTimeoutAndItsJobCancelled() throws Exception {
			RecordingSession session = bindSession();
			PhotoAsset pending = fixture.cameraAsset("job-5");
			fixture.clock.advance(Duration.ofMinutes(11));

			assertThat(library.removeExpiredAssets()).isEqualTo(1);

			assertThat(library.getAsset(pending.uri())).isEmpty();
			assertThat(session.nextCall()).isEqualTo("removeImage job-5 false");
		}

		@Test
		void aSavedAssetOutlivesThePendingTimeout() {
			PhotoAsset saved = fixture.savedCameraAsset("job-6");
			fixture.clock.advance(Duration.ofMinutes(11));

			library.removeExpiredAssets();

			assertThat(library.getAsset(saved.uri())).isPresent();
		}
	}

	@Nested
	class Completion {
		@Test
		void completingReplacesTheImageInPlaceAndFlipsToFull() throws Exception {
			PhotoAsset fast = fixture.savedCameraAsset("job-10");

			PhotoAsset full = library.completeDeferredPhoto("job-10", fixture.fullImageFile(), 32, 24).orElseThrow();

			assertThat(full.id()).isEqualTo(fast.id());
			assertThat(full.uri()).isEqualTo(fast.uri());
			assertThat(full.quality()).isEqualTo(MediaQuality.FULL);
			assertThat(full.deferredJobId()).isNull();
			assertThat(TestImages.isFull(fixture.fileOf(full))).isTrue();
			assertThat(Files.list(data.resolve("media/Photo/" + fast.id()))).hasSize(1);
		}

		@Test
		void completingPostsQualityChanged() throws Exception {
			PhotoAsset fast = fixture.savedCameraAsset("job-11");

			library.completeDeferredPhoto("job-11", fixture.fullImageFile(), 32, 24);

			Event event = fixture.events.next(MediaLibraryEvents.TOPIC_QUALITY_CHANGED);
			assertThat(event.getProperty(MediaLibraryEvents.ASSET_ID)).isEqualTo(fast.id());
			assertThat(event.getProperty(MediaLibraryEvents.QUALITY)).isEqualTo("FULL");
		}

		@Test
		void completingRefreshesTheThumbnail() throws Exception {
			PhotoAsset fast = fixture.savedCameraAsset("job-12");
			assertThat(TestImages.isFast(library.getThumbnail(fast))).isTrue();

			library.completeDeferredPhoto("job-12", fixture.fullImageFile(), 32, 24);

			assertThat(TestImages.isFull(library.getThumbnail(fast))).isTrue();
		}

		@Test
		void completingAJobNoAssetHoldsGivesNothing() throws Exception {
			assertThat(library.completeDeferredPhoto("job-unknown", fixture.fullImageFile(), 32, 24)).isEmpty();
		}

		@Test
		void aFailedJobLeavesTheAssetFastAndListed() {
			PhotoAsset fast = fixture.savedCameraAsset("job-13");

			PhotoAsset failed = library.failDeferredPhoto("job-13", "spool lost").orElseThrow();

			assertThat(failed.quality()).isEqualTo(MediaQuality.FAST);
			assertThat(failed.deferredJobId()).isNull();
			assertThat(library.getAssets(AssetQuery.all())).extracting(PhotoAsset::id).containsExactly(fast.id());
		}

		@Test
		void aNonJpegFullImageIsRefusedAndTheAssetStaysFast() throws Exception {
			PhotoAsset fast = fixture.savedCameraAsset("job-14");
			Path notJpeg = data.resolve("not.jpg");
			Files.writeString(notJpeg, "not an image");

			assertThatThrownBy(() -> library.completeDeferredPhoto("job-14", notJpeg, 32, 24))
				.extracting(PhotoLibraryTest::codeOf)
				.isEqualTo(MediaLibraryErrorCode.INVALID_ARGUMENT);
			assertThat(library.findByJob("job-14")).map(PhotoAsset::quality).contains(MediaQuality.FAST);
			assertThat(TestImages.isFast(fixture.fileOf(fast))).isTrue();
		}
	}

	@Nested
	class ImageRequests {
		@Test
		void fastModeDeliversWhatExistsExactlyOnce() throws Exception {
			PhotoAsset fast = fixture.savedCameraAsset("job-20");
			RecordingHandler<byte[]> handler = new RecordingHandler<>();

			String id = library.requestImageData(fast, mode(DeliveryMode.FAST_MODE), handler);
			Delivery<byte[]> delivery = handler.next();
			library.completeDeferredPhoto("job-20", fixture.fullImageFile(), 32, 24);
			awaitAnotherRequest(fast);

			assertThat(delivery.quality()).isEqualTo(MediaQuality.FAST);
			assertThat(TestImages.isFast(delivery.data())).isTrue();
			assertThat(handler.poll()).isNull();
			assertThat(library.cancelRequest(id)).isFalse();
		}

		@Test
		void fastModeNeverStartsProcessing() throws Exception {
			RecordingSession session = bindSession();
			PhotoAsset fast = fixture.savedCameraAsset("job-21");

			library.requestImageData(fast, mode(DeliveryMode.FAST_MODE), new RecordingHandler<>());
			library.trash(List.of(fast));

			assertThat(session.nextCall()).isEqualTo("removeImage job-21 true");
		}

		@Test
		void highQualityModeRaisesTheJobAndDeliversOnlyTheFullImage() throws Exception {
			RecordingSession session = bindSession();
			PhotoAsset fast = fixture.savedCameraAsset("job-22");
			RecordingHandler<byte[]> handler = new RecordingHandler<>();

			library.requestImageData(fast, mode(DeliveryMode.HIGH_QUALITY_MODE), handler);
			assertThat(session.nextCall()).isEqualTo("processImage job-22");
			library.completeDeferredPhoto("job-22", fixture.fullImageFile(), 32, 24);

			Delivery<byte[]> delivery = handler.next();
			assertThat(delivery.quality()).isEqualTo(MediaQuality.FULL);
			assertThat(TestImages.isFull(delivery.data())).isTrue();
		}

		@Test
		void highQualityModeOnAFullAssetDeliversAtOnce() throws Exception {
			PhotoAsset fast = fixture.savedCameraAsset("job-23");
			library.completeDeferredPhoto("job-23", fixture.fullImageFile(), 32, 24);
			RecordingHandler<byte[]> handler = new RecordingHandler<>();

			library.requestImageData(fast, mode(DeliveryMode.HIGH_QUALITY_MODE), handler);

			assertThat(handler.next().quality()).isEqualTo(MediaQuality.FULL);
		}

		@Test
		void balanceModeDeliversTheFastImageThenTheFullOne() throws Exception {
			PhotoAsset fast = fixture.savedCameraAsset("job-24");
			RecordingHandler<byte[]> handler = new RecordingHandler<>();

			library.requestImageData(fast, mode(DeliveryMode.BALANCE_MODE), handler);
			Delivery<byte[]> first = handler.next();
			library.completeDeferredPhoto("job-24", fixture.fullImageFile(), 32, 24);
			Delivery<byte[]> second = handler.next();

			assertThat(first.quality()).isEqualTo(MediaQuality.FAST);
			assertThat(TestImages.isFast(first.data())).isTrue();
			assertThat(second.quality()).isEqualTo(MediaQuality.FULL);
			assertThat(TestImages.isFull(second.data())).isTrue();
		}

		@Test
		void balanceModeOnAFullAssetDeliversOnce() throws Exception {
			PhotoAsset full = library.applyChanges(new MediaAssetChangeRequest(library.createAsset("f.jpg"))
				.addResource(ResourceType.IMAGE_RESOURCE, TestImages.full()));
			RecordingHandler<byte[]> handler = new RecordingHandler<>();

			String id = library.requestImageData(full, mode(DeliveryMode.BALANCE_MODE), handler);

			assertThat(handler.next().quality()).isEqualTo(MediaQuality.FULL);
			awaitAnotherRequest(full);
			assertThat(handler.poll()).isNull();
			assertThat(library.cancelRequest(id)).isFalse();
		}

		@Test
		void requestImageDeliversDecodedPixels() throws Exception {
			PhotoAsset fast = fixture.savedCameraAsset("job-25");
			RecordingHandler<BufferedImage> handler = new RecordingHandler<>();

			library.requestImage(fast, mode(DeliveryMode.FAST_MODE), handler);

			BufferedImage image = handler.next().data();
			assertThat(image.getWidth()).isEqualTo(32);
			assertThat(Math.abs(TestImages.level(image) - TestImages.FAST_LEVEL)).isLessThan(10);
		}

		@Test
		void handlersRunOnALibraryThread() throws Exception {
			PhotoAsset fast = fixture.savedCameraAsset("job-26");
			RecordingHandler<byte[]> handler = new RecordingHandler<>();

			library.requestImageData(fast, mode(DeliveryMode.FAST_MODE), handler);

			assertThat(handler.next().thread()).isNotSameAs(Thread.currentThread());
		}

		@Test
		void deletingTheAssetEndsAWaitingRequestWithCancelled() throws Exception {
			PhotoAsset fast = fixture.savedCameraAsset("job-27");
			RecordingHandler<byte[]> handler = new RecordingHandler<>();
			library.requestImageData(fast, mode(DeliveryMode.HIGH_QUALITY_MODE), handler);

			library.deletePermanently(List.of(fast));

			assertThat(handler.next().error().errorCode()).isEqualTo(MediaLibraryErrorCode.CANCELLED);
		}

		@Test
		void cancellingAWaitingRequestEndsItWithCancelledOnce() throws Exception {
			PhotoAsset fast = fixture.savedCameraAsset("job-28");
			RecordingHandler<byte[]> handler = new RecordingHandler<>();
			String id = library.requestImageData(fast, mode(DeliveryMode.HIGH_QUALITY_MODE), handler);

			assertThat(library.cancelRequest(id)).isTrue();
			assertThat(library.cancelRequest(id)).isFalse();

			assertThat(handler.next().error().errorCode()).isEqualTo(MediaLibraryErrorCode.CANCELLED);
		}

		@Test
		void aFailedJobGivesWaitingRequestsTheFastImageAsFinal() throws Exception {
			PhotoAsset fast = fixture.savedCameraAsset("job-29");
			RecordingHandler<byte[]> handler = new RecordingHandler<>();
			String id = library.requestImageData(fast, mode(DeliveryMode.HIGH_QUALITY_MODE), handler);

			library.failDeferredPhoto("job-29", "sensor data unreadable");

			Delivery<byte[]> delivery = handler.next();
			assertThat(delivery.quality()).isEqualTo(MediaQuality.FAST);
			assertThat(TestImages.isFast(delivery.data())).isTrue();
			assertThat(library.cancelRequest(id)).isFalse();
		}

		@Test
		void highQualityModeOnAFinalisedFastAssetDeliversItAtOnce() throws Exception {
			PhotoAsset fast = fixture.savedCameraAsset("job-30");
			library.failDeferredPhoto("job-30", "lost");
			RecordingHandler<byte[]> handler = new RecordingHandler<>();

			library.requestImageData(fast, mode(DeliveryMode.HIGH_QUALITY_MODE), handler);

			assertThat(handler.next().quality()).isEqualTo(MediaQuality.FAST);
		}

		@Test
		void aRequestForAnAssetWithoutAnImageIsRefused() {
			PhotoAsset empty = library.createAsset("e.jpg");

			assertThatThrownBy(() -> library.requestImageData(empty, mode(DeliveryMode.FAST_MODE),
					new RecordingHandler<>()))
				.extracting(PhotoLibraryTest::codeOf)
				.isEqualTo(MediaLibraryErrorCode.NOT_FOUND);
		}

		@Test
		void aCorruptFileEndsTheRequestWithAnIoError() throws Exception {
			PhotoAsset fast = fixture.savedCameraAsset("job-31");
			Files.write(data.resolve("media/Photo/" + fast.id()).resolve(fast.displayName()), new byte[] { 1, 2, 3 });
			RecordingHandler<BufferedImage> handler = new RecordingHandler<>();

			library.requestImage(fast, mode(DeliveryMode.FAST_MODE), handler);

			assertThat(handler.next().error().errorCode()).isEqualTo(MediaLibraryErrorCode.IO_ERROR);
		}

		@Test
		void aMissingFileEndsTheRequestWithNotFound() throws Exception {
			PhotoAsset fast = fixture.savedCameraAsset("job-32");
			Files.delete(data.resolve("media/Photo/" + fast.id()).resolve(fast.displayName()));
			RecordingHandler<byte[]> handler = new RecordingHandler<>();

			library.requestImageData(fast, mode(DeliveryMode.FAST_MODE), handler);

			assertThat(handler.next().error().errorCode()).isEqualTo(MediaLibraryErrorCode.NOT_FOUND);
		}

		/** A FAST request made after earlier events and served before the test checks nothing else arrived. */
		private void awaitAnotherRequest(PhotoAsset asset) throws InterruptedException {
			RecordingHandler<byte[]> later = new RecordingHandler<>();
			library.requestImageData(asset, mode(DeliveryMode.FAST_MODE), later);
			later.next();
		}
	}

	/** Seed 000, processing method 2: the application's own processing of the photo becomes the photo. */
	@Nested
	class AppImage {
		private final byte[] appImage = TestImages.jpeg(32, 24, 120);

		private boolean isAppImage(byte[] jpeg) {
			return Math.abs(TestImages.level(jpeg) - 120) < 10;
		}

		private MediaAssetChangeRequest addAndSave(PhotoAsset asset, byte[] image) {
			return new MediaAssetChangeRequest(asset).addResource(ResourceType.IMAGE_RESOURCE, image)
				.saveCameraPhoto(ImageFileType.JPEG);
		}

		@Test
		void theAppsImageSavedInOneRequestBecomesTheFullFinalPhoto() throws Exception {
			PhotoAsset pending = fixture.cameraAsset("job-60");

			PhotoAsset saved = library.applyChanges(addAndSave(pending, appImage));

			assertThat(saved.id()).isEqualTo(pending.id());
			assertThat(saved.quality()).isEqualTo(MediaQuality.FULL);
			assertThat(saved.deferredJobId()).isNull();
			assertThat(saved.pending()).isFalse();
			assertThat(isAppImage(fixture.fileOf(saved))).isTrue();
			assertThat(Files.list(data.resolve("media/Photo/" + saved.id()))).hasSize(1);
		}

		@Test
		void theAppsImageCancelsTheDeferredJobForGood() throws Exception {
			RecordingSession session = bindSession();
			PhotoAsset pending = fixture.cameraAsset("job-61");

			library.applyChanges(addAndSave(pending, appImage));

			assertThat(session.nextCall()).isEqualTo("removeImage job-61 false");
		}

		@Test
		void addingTheAppsImageThenSavingInASecondRequestBecomesThePhoto() throws Exception {
			PhotoAsset pending = fixture.cameraAsset("job-62");

			library.applyChanges(new MediaAssetChangeRequest(pending).addResource(ResourceType.IMAGE_RESOURCE, appImage));
			PhotoAsset saved = library.applyChanges(new MediaAssetChangeRequest(pending).saveCameraPhoto(ImageFileType.JPEG));

			assertThat(saved.quality()).isEqualTo(MediaQuality.FULL);
			assertThat(saved.pending()).isFalse();
			assertThat(isAppImage(fixture.fileOf(saved))).isTrue();
		}

		@Test
		void savingFirstThenAddingTheAppsImageBecomesThePhoto() throws Exception {
			PhotoAsset saved = fixture.savedCameraAsset("job-63");

			PhotoAsset replaced = library.applyChanges(
					new MediaAssetChangeRequest(saved).addResource(ResourceType.IMAGE_RESOURCE, appImage));

			assertThat(replaced.quality()).isEqualTo(MediaQuality.FULL);
			assertThat(replaced.deferredJobId()).isNull();
			assertThat(isAppImage(fixture.fileOf(replaced))).isTrue();
		}

		@Test
		void aWaitingHighQualityRequestReceivesTheAppsImage() throws Exception {
			PhotoAsset pending = fixture.cameraAsset("job-64");
			RecordingHandler<byte[]> handler = new RecordingHandler<>();
			library.requestImageData(pending, mode(DeliveryMode.HIGH_QUALITY_MODE), handler);

			library.applyChanges(addAndSave(pending, appImage));

			Delivery<byte[]> delivery = handler.next();
			assertThat(delivery.quality()).isEqualTo(MediaQuality.FULL);
			assertThat(isAppImage(delivery.data())).isTrue();
		}

		@Test
		void theCaptureTimeTheAppsImageStatesBecomesTheAssets() {
			PhotoAsset pending = fixture.cameraAsset("job-65");
			byte[] taken = ExifBlocks.jpegTaken(ByteOrder.BIG_ENDIAN, "2026:11:21 10:30:15", "+02:00");

			PhotoAsset saved = library.applyChanges(addAndSave(pending, taken));

			assertThat(saved.dateTaken()).isEqualTo(Instant.parse("2026-11-21T08:30:15Z"));
		}

		@Test
		void anAppImageWithoutExifKeepsTheCaptureTime() {
			PhotoAsset pending = fixture.cameraAsset("job-66");

			PhotoAsset saved = library.applyChanges(addAndSave(pending, appImage));

			assertThat(saved.dateTaken()).isEqualTo(pending.dateTaken());
		}

		@Test
		void theCancelledJobCompletingLateChangesNothing() throws Exception {
			PhotoAsset pending = fixture.cameraAsset("job-67");
			library.applyChanges(addAndSave(pending, appImage));

			assertThat(library.completeDeferredPhoto("job-67", fixture.fullImageFile(), 32, 24)).isEmpty();

			assertThat(isAppImage(fixture.fileOf(pending))).isTrue();
		}

		@Test
		void theAppsImageGetsItsOwnThumbnail() throws Exception {
			PhotoAsset pending = fixture.cameraAsset("job-68");
			assertThat(TestImages.isFast(library.getThumbnail(pending))).isTrue();

			library.applyChanges(addAndSave(pending, appImage));

			assertThat(isAppImage(library.getThumbnail(pending))).isTrue();
		}

		@Test
		void theAppsImageIsListedFullAfterARestart() {
			PhotoAsset pending = fixture.cameraAsset("job-69");
			library.applyChanges(addAndSave(pending, appImage));

			fixture.reopen();

			assertThat(fixture.library.getAssets(AssetQuery.all())).extracting(PhotoAsset::quality)
				.containsExactly(MediaQuality.FULL);
		}

		@Test
		void aNonJpegAppImageIsRefusedAndTheFastImageStays() throws Exception {
			PhotoAsset pending = fixture.cameraAsset("job-70");

			assertThatThrownBy(() -> library.applyChanges(addAndSave(pending, "hello".getBytes())))
				.extracting(PhotoLibraryTest::codeOf)
				.isEqualTo(MediaLibraryErrorCode.INVALID_ARGUMENT);
			assertThat(library.findByJob("job-70")).map(PhotoAsset::pending).contains(true);
			assertThat(TestImages.isFast(fixture.fileOf(pending))).isTrue();
		}

		@Test
		void aSavedAssetWithAFullImageStillRefusesASecondImage() {
			PhotoAsset full = library.applyChanges(new MediaAssetChangeRequest(library.createAsset("own.jpg"))
				.addResource(ResourceType.IMAGE_RESOURCE, TestImages.full()));

			assertThatThrownBy(() -> library.applyChanges(
					new MediaAssetChangeRequest(full).addResource(ResourceType.IMAGE_RESOURCE, appImage)))
				.extracting(PhotoLibraryTest::codeOf)
				.isEqualTo(MediaLibraryErrorCode.OPERATION_NOT_SUPPORTED);
		}
	}

	/** A photo whose phase 2 cannot succeed keeps its FAST image as the final one. */
	@Nested
	class FinalisedFast {
		@Test
		void aFailedJobMakesTheFastImageFinalWithItsReason() {
			fixture.savedCameraAsset("job-80");

			PhotoAsset finalised = library.failDeferredPhoto("job-80", "SPOOL_MISSING: frames lost").orElseThrow();

			assertThat(finalised.quality()).isEqualTo(MediaQuality.FAST);
			assertThat(finalised.deferredJobId()).isNull();
			assertThat(finalised.finalised()).contains("SPOOL_MISSING: frames lost");
		}

		@Test
		void aFailedJobPostsFinalizedWithTheReason() throws Exception {
			PhotoAsset fast = fixture.savedCameraAsset("job-81");

			library.failDeferredPhoto("job-81", "attempts exhausted");

			Event event = fixture.events.next(MediaLibraryEvents.TOPIC_FINALIZED);
			assertThat(event.getProperty(MediaLibraryEvents.ASSET_ID)).isEqualTo(fast.id());
			assertThat(event.getProperty(MediaLibraryEvents.QUALITY)).isEqualTo("FAST");
			assertThat(event.getProperty(MediaLibraryEvents.REASON)).isEqualTo("attempts exhausted");
		}

		@Test
		void aWaitingBalanceRequestEndsWithTheFastImage() throws Exception {
			PhotoAsset fast = fixture.savedCameraAsset("job-82");
			RecordingHandler<byte[]> handler = new RecordingHandler<>();
			String id = library.requestImageData(fast, mode(DeliveryMode.BALANCE_MODE), handler);
			assertThat(handler.next().quality()).isEqualTo(MediaQuality.FAST);

			library.failDeferredPhoto("job-82", "lost");

			assertThat(handler.next().quality()).isEqualTo(MediaQuality.FAST);
			assertThat(library.cancelRequest(id)).isFalse();
		}

		@Test
		void aBalanceRequestAfterTheFailureDeliversTheFastImageOnce() throws Exception {
			PhotoAsset fast = fixture.savedCameraAsset("job-83");
			library.failDeferredPhoto("job-83", "lost");
			RecordingHandler<byte[]> handler = new RecordingHandler<>();

			String id = library.requestImageData(fast, mode(DeliveryMode.BALANCE_MODE), handler);

			assertThat(handler.next().quality()).isEqualTo(MediaQuality.FAST);
			assertThat(library.cancelRequest(id)).isFalse();
		}

		@Test
		void theReasonIsKeptAfterARestart() {
			PhotoAsset fast = fixture.savedCameraAsset("job-84");
			library.failDeferredPhoto("job-84", "lost");

			fixture.reopen();

			assertThat(fixture.library.getAsset(fast.uri())).flatMap(PhotoAsset::finalised).contains("lost");
		}

		@Test
		void aFinalisedPhotoIsNotHandedToANewSession() throws Exception {
			fixture.savedCameraAsset("job-85");
			fixture.savedCameraAsset("job-86");
			library.failDeferredPhoto("job-85", "lost");

			RecordingSession session = bindSession();

			assertThat(List.of(session.nextCall(), session.nextCall(), session.nextCall()))
				.containsExactly("beginSynchronize", "addImage job-86 false", "endSynchronize");
		}

		@Test
		void failingAJobOfAFullPhotoChangesNothing() throws Exception {
			PhotoAsset fast = fixture.savedCameraAsset("job-87");
			library.completeDeferredPhoto("job-87", fixture.fullImageFile(), 32, 24);

			assertThat(library.failDeferredPhoto("job-87", "late")).isEmpty();

			assertThat(library.getAsset(fast.uri())).map(PhotoAsset::quality).contains(MediaQuality.FULL);
		}
	}

	/** Requests for the FULL image are counted per asset: the first raises the job, the last cancel lowers it. */
	@Nested
	class RequestCounting {
		@Test
		void onlyTheFirstWaitingRequestRaisesTheJob() throws Exception {
			RecordingSession session = bindSession();
			PhotoAsset fast = fixture.savedCameraAsset("job-90");

			library.requestImageData(fast, mode(DeliveryMode.HIGH_QUALITY_MODE), new RecordingHandler<>());
			library.requestImageData(fast, mode(DeliveryMode.BALANCE_MODE), new RecordingHandler<>());
			library.trash(List.of(fast));

			assertThat(session.nextCall()).isEqualTo("processImage job-90");
			assertThat(session.nextCall()).isEqualTo("removeImage job-90 true");
		}

		@Test
		void cancellingTheLastWaitingRequestLowersTheJob() throws Exception {
			RecordingSession session = bindSession();
			PhotoAsset fast = fixture.savedCameraAsset("job-91");
			String id = library.requestImageData(fast, mode(DeliveryMode.HIGH_QUALITY_MODE), new RecordingHandler<>());

			library.cancelRequest(id);

			assertThat(session.nextCall()).isEqualTo("processImage job-91");
			assertThat(session.nextCall()).isEqualTo("cancelProcessImage job-91");
		}

		@Test
		void cancellingOneOfTwoWaitingRequestsKeepsTheJobRaisedAndTheLastLowersATrashedOneToLow() throws Exception {
			RecordingSession session = bindSession();
			PhotoAsset fast = fixture.savedCameraAsset("job-92");
			String first = library.requestImageData(fast, mode(DeliveryMode.HIGH_QUALITY_MODE), new RecordingHandler<>());
			String second = library.requestImageData(fast, mode(DeliveryMode.HIGH_QUALITY_MODE), new RecordingHandler<>());

			library.cancelRequest(first);
			library.trash(List.of(fast));
			library.cancelRequest(second);

			assertThat(List.of(session.nextCall(), session.nextCall(), session.nextCall())).containsExactly(
					"processImage job-92", "removeImage job-92 true", "removeImage job-92 true");
		}

		@Test
		void aRequestAfterTheLastCancelRaisesTheJobAgain() throws Exception {
			RecordingSession session = bindSession();
			PhotoAsset fast = fixture.savedCameraAsset("job-93");
			library.cancelRequest(
					library.requestImageData(fast, mode(DeliveryMode.HIGH_QUALITY_MODE), new RecordingHandler<>()));

			library.requestImageData(fast, mode(DeliveryMode.BALANCE_MODE), new RecordingHandler<>());

			assertThat(List.of(session.nextCall(), session.nextCall(), session.nextCall()))
				.containsExactly("processImage job-93", "cancelProcessImage job-93", "processImage job-93");
		}

		@Test
		void cancellingAnUnknownRequestIsHarmless() throws Exception {
			RecordingSession session = bindSession();
			PhotoAsset fast = fixture.savedCameraAsset("job-94");

			assertThat(library.cancelRequest("request-unknown")).isFalse();
			assertThat(library.cancelRequest(null)).isFalse();
			library.trash(List.of(fast));

			assertThat(session.nextCall()).isEqualTo("removeImage job-94 true");
		}

		@Test
		void cancellingAFinishedRequestLowersNothing() throws Exception {
			RecordingSession session = bindSession();
			PhotoAsset fast = fixture.savedCameraAsset("job-95");
			PhotoAsset other = fixture.savedCameraAsset("job-97");
			RecordingHandler<byte[]> handler = new RecordingHandler<>();
			String id = library.requestImageData(fast, mode(DeliveryMode.HIGH_QUALITY_MODE), handler);
			library.completeDeferredPhoto("job-95", fixture.fullImageFile(), 32, 24);
			handler.next();

			assertThat(library.cancelRequest(id)).isFalse();
			library.trash(List.of(other));

			assertThat(session.nextCall()).isEqualTo("processImage job-95");
			assertThat(session.nextCall()).isEqualTo("removeImage job-97 true");
		}

		@Test
		void fastModeRequestsNeverRaiseTheJob() throws Exception {
			RecordingSession session = bindSession();
			PhotoAsset fast = fixture.savedCameraAsset("job-96");

			library.cancelRequest(library.requestImageData(fast, mode(DeliveryMode.FAST_MODE), new RecordingHandler<>()));
			library.trash(List.of(fast));

			assertThat(session.nextCall()).isEqualTo("removeImage job-96 true");
		}
	}

	@Nested
	class DeferredSession {
		@Test
		void bindingASessionHandsItEveryFastAssetWithAJob() throws Exception {
			fixture.savedCameraAsset("job-40");
			fixture.cameraAsset("job-41");
			fixture.savedCameraAsset("job-42");
			library.completeDeferredPhoto("job-42", fixture.fullImageFile(), 32, 24);

			RecordingSession session = bindSession();

			assertThat(List.of(session.nextCall(), session.nextCall(), session.nextCall(), session.nextCall()))
				.containsExactly("beginSynchronize", "addImage job-40 false", "addImage job-41 false",
						"endSynchronize");
		}

		@Test
		void trashLowersTheJobAndRestoreRaisesItBack() throws Exception {
			RecordingSession session = bindSession();
			PhotoAsset fast = fixture.savedCameraAsset("job-43");

			library.trash(List.of(fast));
			library.restore(List.of(fast));

			assertThat(session.nextCall()).isEqualTo("removeImage job-43 true");
			assertThat(session.nextCall()).isEqualTo("restoreImage job-43");
			assertThat(library.getAssets(AssetQuery.all())).extracting(PhotoAsset::id).containsExactly(fast.id());
		}

		@Test
		void trashedAssetsAreListedInTheTrashOnly() {
			PhotoAsset fast = fixture.savedCameraAsset("job-44");

			library.trash(List.of(fast));

			assertThat(library.getAssets(AssetQuery.all())).isEmpty();
			assertThat(library.getAssets(AssetQuery.all().inTrash())).extracting(PhotoAsset::id)
				.containsExactly(fast.id());
		}

		@Test
		void deletingForGoodCancelsTheJob() throws Exception {
			RecordingSession session = bindSession();
			PhotoAsset fast = fixture.savedCameraAsset("job-45");

			library.deletePermanently(List.of(fast));

			assertThat(session.nextCall()).isEqualTo("removeImage job-45 false");
			assertThat(library.getAsset(fast.uri())).isEmpty();
		}

		@Test
		void aSessionBindingLateRaisesTheJobsRequestsWaitOn() throws Exception {
			PhotoAsset fast = fixture.savedCameraAsset("job-46");
			library.requestImageData(fast, mode(DeliveryMode.HIGH_QUALITY_MODE), new RecordingHandler<>());

			RecordingSession session = bindSession();

			assertThat(List.of(session.nextCall(), session.nextCall(), session.nextCall(), session.nextCall()))
				.containsExactly("beginSynchronize", "addImage job-46 false", "endSynchronize", "processImage job-46");
		}
	}

	@Nested
	class BadInput {
		@Test
		void nullArgumentsOfThePublicApiGiveAnErrorCodeNotANullPointerException() {
			PhotoAsset asset = fixture.savedCameraAsset("job-null");
			List<ThrowingCallable> calls = List.of(
					() -> library.getAsset(null), () -> library.getAssets(null), () -> library.createAsset((String) null),
					() -> library.createAsset(null, "jpg"), () -> library.createAsset(PhotoType.IMAGE, null),
					() -> library.applyChanges(null), () -> library.trash(null), () -> library.restore(null),
					() -> library.deletePermanently(null), () -> library.getThumbnail(null),
					() -> library.requestImageData(null, mode(DeliveryMode.FAST_MODE), new RecordingHandler<>()),
					() -> library.requestImageData(asset, null, new RecordingHandler<>()),
					() -> library.requestImage(asset, mode(DeliveryMode.FAST_MODE), null),
					() -> new MediaAssetChangeRequest(null), () -> new MediaAssetChangeRequest(asset).saveCameraPhoto(null),
					() -> new MediaAssetChangeRequest(asset).addResource(null, TestImages.full()),
					() -> new MediaAssetChangeRequest(asset).addResource(ResourceType.IMAGE_RESOURCE, (byte[]) null),
					() -> new MediaAssetChangeRequest(asset).addResource(ResourceType.IMAGE_RESOURCE, (Path) null),
					() -> new MediaAssetChangeRequest(asset).addResource(ResourceType.PHOTO_PROXY, (PhotoProxy) null),
					() -> library.completeDeferredPhoto(null, data, 1, 1), () -> library.failDeferredPhoto(null, "x"),
					() -> library.findByJob(null), () -> library.createCameraAsset(null));

			for (ThrowingCallable call : calls) {
				assertThatThrownBy(call).isInstanceOf(MediaLibraryException.class);
			}
		}

		@Test
		void requestOptionsWithoutADeliveryModeGiveInvalidArgument() {
			assertThatThrownBy(() -> new RequestOptions(null)).extracting(PhotoLibraryTest::codeOf)
				.isEqualTo(MediaLibraryErrorCode.INVALID_ARGUMENT);
		}
		@Test
		void aNonJpegResourceIsRefusedAndNothingIsWritten() {
			PhotoAsset asset = library.createAsset("x.jpg");
			MediaAssetChangeRequest request = new MediaAssetChangeRequest(asset)
				.addResource(ResourceType.IMAGE_RESOURCE, "hello".getBytes());

			assertThatThrownBy(() -> library.applyChanges(request)).extracting(PhotoLibraryTest::codeOf)
				.isEqualTo(MediaLibraryErrorCode.INVALID_ARGUMENT);
			assertThat(library.getAsset(asset.uri())).map(PhotoAsset::size).contains(0L);
			assertThat(data.resolve("media/Photo/" + asset.id())).doesNotExist();
		}

		@Test
		void aMissingResourceFileGivesNotFound() {
			PhotoAsset asset = library.createAsset("y.jpg");
			MediaAssetChangeRequest request = new MediaAssetChangeRequest(asset)
				.addResource(ResourceType.IMAGE_RESOURCE, data.resolve("absent.jpg"));

			assertThatThrownBy(() -> library.applyChanges(request)).extracting(PhotoLibraryTest::codeOf)
				.isEqualTo(MediaLibraryErrorCode.NOT_FOUND);
		}

		@Test
		void aSecondImageForAnAssetIsRefused() {
			PhotoAsset saved = library.applyChanges(new MediaAssetChangeRequest(library.createAsset("z.jpg"))
				.addResource(ResourceType.IMAGE_RESOURCE, TestImages.full()));
			MediaAssetChangeRequest again = new MediaAssetChangeRequest(saved)
				.addResource(ResourceType.IMAGE_RESOURCE, TestImages.fast());

			assertThatThrownBy(() -> library.applyChanges(again)).extracting(PhotoLibraryTest::codeOf)
				.isEqualTo(MediaLibraryErrorCode.OPERATION_NOT_SUPPORTED);
		}

		@Test
		void changesToADeletedAssetGiveNotFound() {
			PhotoAsset asset = library.createAsset("gone.jpg");
			library.deletePermanently(List.of(asset));
			MediaAssetChangeRequest request = new MediaAssetChangeRequest(asset)
				.addResource(ResourceType.IMAGE_RESOURCE, TestImages.full());

			assertThatThrownBy(() -> library.applyChanges(request)).extracting(PhotoLibraryTest::codeOf)
				.isEqualTo(MediaLibraryErrorCode.NOT_FOUND);
		}

		@Test
		void trashingAListWithAnUnknownAssetChangesNothing() {
			PhotoAsset saved = fixture.savedCameraAsset("job-50");
			PhotoAsset unknown = new PhotoAsset(9999, "file://media/Photo/9999/u.jpg", "u.jpg", PhotoType.IMAGE,
					"image/jpeg", 1, 1, 1, saved.dateAdded(), saved.dateAdded(), null, MediaQuality.FULL, null, false,
					false);

			assertThatThrownBy(() -> library.trash(List.of(saved, unknown))).extracting(PhotoLibraryTest::codeOf)
				.isEqualTo(MediaLibraryErrorCode.NOT_FOUND);
			assertThat(library.getAsset(saved.uri())).map(PhotoAsset::trashed).contains(false);
		}

		@Test
		void aLockedDatabaseGivesBusyAndChangesNothing() throws Exception {
			try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("media/library.db"));
					Statement statement = other.createStatement()) {
				statement.execute("BEGIN EXCLUSIVE");

				assertThatThrownBy(() -> library.createAsset("locked.jpg")).extracting(PhotoLibraryTest::codeOf)
					.isEqualTo(MediaLibraryErrorCode.BUSY);
				statement.execute("ROLLBACK");
			}
			assertThat(library.createAsset("after.jpg").id()).isPositive();
		}
	}

	@Nested
	class Restart {
		@Test
		void aReopenedLibraryShowsExactlyWhatWasThere() throws Exception {
			PhotoAsset full = library.applyChanges(new MediaAssetChangeRequest(library.createAsset("keep.jpg"))
				.addResource(ResourceType.IMAGE_RESOURCE, TestImages.full()));
			PhotoAsset fast = fixture.savedCameraAsset("job-60");

			fixture.reopen();

			assertThat(fixture.library.getAssets(AssetQuery.all())).containsExactlyInAnyOrder(full, fast);
		}

		@Test
		void reopeningFinishesAReplacementTheDatabaseCommitted() throws Exception {
			PhotoAsset fast = fixture.savedCameraAsset("job-61");
			fixture.close();
			Path folder = data.resolve("media/Photo/" + fast.id());
			String staged = "." + fast.displayName() + ".crash.part";
			Files.write(folder.resolve(staged), TestImages.full());
			try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("media/library.db"));
					Statement statement = db.createStatement()) {
				statement.executeUpdate("UPDATE asset SET quality = 'FULL', deferred_job_id = NULL, staged_file = '"
						+ staged + "' WHERE id = " + fast.id());
			}

			fixture.open();

			assertThat(TestImages.isFull(fixture.fileOf(fast))).isTrue();
			assertThat(folder.resolve(staged)).doesNotExist();
			assertThat(fixture.library.getAsset(fast.uri())).map(PhotoAsset::quality).contains(MediaQuality.FULL);
		}

		@Test
		void reopeningRemovesUnfinishedWritesAndSetsAsideFoldersNoAssetOwns() throws Exception {
			PhotoAsset fast = fixture.savedCameraAsset("job-62");
			fixture.close();
			Path stray = data.resolve("media/Photo/" + fast.id()).resolve("." + fast.displayName() + ".x.part");
			Files.write(stray, TestImages.full());
			Path orphan = Files.createDirectories(data.resolve("media/Photo/4242"));

			fixture.open();

			assertThat(stray).doesNotExist();
			assertThat(orphan).doesNotExist();
			assertThat(data.resolve("media/lost+found/4242")).isDirectory();
			assertThat(TestImages.isFast(fixture.fileOf(fast))).isTrue();
		}
	}

	private RecordingSession bindSession() throws InterruptedException {
		RecordingSession session = new RecordingSession();
		library.bindSession(session);
		if (library.getAssets(AssetQuery.all()).isEmpty()) {
			// Nothing is pending yet: the synchronization is empty; consume it so tests see only their calls.
			assertThat(session.nextCall()).isEqualTo("beginSynchronize");
			assertThat(session.nextCall()).isEqualTo("endSynchronize");
		}
		return session;
	}
}
