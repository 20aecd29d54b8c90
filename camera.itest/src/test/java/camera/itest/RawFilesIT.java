package camera.itest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

import camera.api.CameraDevice;
import camera.api.CameraInput;
import camera.api.CameraManager;
import camera.api.DeferredProcessing;
import camera.api.ImageRotation;
import camera.api.Photo;
import camera.api.PhotoCaptureSetting;
import camera.api.PhotoOutput;
import camera.api.PhotoSession;
import camera.api.Profile;
import camera.api.QualityLevel;
import camera.api.SceneMode;
import camera.api.Size;
import camera.api.hal.RawFrame;
import camera.api.hal.SceneBurst;
import camera.api.hal.SimulatedScene;
import camera.develop.DngCodec;
import camera.develop.ExifData;
import camera.develop.PhotoDeveloper;
import camera.develop.RgbImage;
import media.library.DeliveryMode;
import media.library.ImageFileType;
import media.library.MediaAssetChangeRequest;
import media.library.MediaAssetDataHandler;
import media.library.MediaAssetManager;
import media.library.MediaLibraryErrorCode;
import media.library.MediaLibraryException;
import media.library.MediaQuality;
import media.library.PhotoAccessHelper;
import media.library.PhotoAsset;
import media.library.RawImage;
import media.library.RequestOptions;

/**
 * Raw files as the ecosystem reads them: a capture with {@link PhotoCaptureSetting#raw()} keeps a DNG beside its
 * photo, and dcraw, a raw developer outside Darkroom, develops it into the picture the simulator's noise-free
 * reference shows. Skipped where dcraw is not installed.
 */
@ExtendWith(ServiceExtension.class)
class RawFilesIT {
	private static final long WAIT_SECONDS = 60;
	private static final String CAMERA = "sim-back";
	private static final PhotoCaptureSetting RAW = new PhotoCaptureSetting(QualityLevel.HIGH,
			ImageRotation.ROTATION_0, false, null, true);
	/**
	 * One noisy frame developed by dcraw -q 3 without denoising measured 24.2 dB and SSIM 0.92 against the
	 * reference at the smallest size (Darkroom's phase 1: 18.5 dB), and 25.5 dB against Darkroom's FULL photo of the
	 * same burst; a wrong CFA pattern, black level or sample order falls far below these bars.
	 */
	private static final double MINIMUM_PSNR_DB = 21;
	private static final double MINIMUM_SSIM = 0.8;

	@InjectService(timeout = 20_000)
	CameraManager cameras;
	@InjectService(timeout = 20_000)
	PhotoAccessHelper library;
	@InjectService(timeout = 20_000)
	MediaAssetManager assets;
	@InjectService(timeout = 20_000)
	DeferredProcessing deferred;
	@InjectService(timeout = 20_000)
	DngCodec dngCodec;
	@InjectService(timeout = 20_000)
	PhotoDeveloper developer;
	@InjectService(timeout = 20_000, filter = "(camera.id=" + CAMERA + ")")
	SimulatedScene scene;
	@TempDir
	Path directory;

	private PhotoSession session;

	@AfterEach
	void release() {
		deferred.resume();
		if (session != null) {
			session.release();
		}
	}

	@Nested
	class AgainstTheReference {
		@Test
		void dcrawDevelopsTheDngOfASimulatedFrameIntoThePictureTheReferenceShows() throws Exception {
			assumeTrue(Dcraw.installed(), "dcraw is not installed");
			Size size = smallestProfile().size();
			SceneBurst burst = scene.render(size, 1);
			RawFrame frame = burst.frames().getFirst();
			Path file = Files.write(directory.resolve("frame.dng"), dngCodec.encode(frame, exif(frame)));

			RawFrame decoded = Dcraw.linear(file, frame.metadata().whiteLevel() - frame.metadata().blackLevel(),
					"-q", "3");

			RgbImage reference = developer.renderReference(burst.reference());
			RgbImage developed = developer.renderReference(decoded);
			assertThat(developed.width()).isEqualTo(size.width());
			assertThat(developed.height()).isEqualTo(size.height());
			assertThat(developed.psnr(reference)).isGreaterThan(MINIMUM_PSNR_DB);
			assertThat(developed.ssim(reference)).isGreaterThan(MINIMUM_SSIM);
		}
	}

	@Nested
	class DeferredCaptures {
		@Test
		void aDeferredCaptureWithRawKeepsTheDngOfItsFrameBesideTheFullPhoto() throws Exception {
			assumeTrue(Dcraw.installed(), "dcraw is not installed");
			deferred.pause();
			DeferredCaptureSession capture = DeferredCaptureSession.open(cameras, CAMERA);
			PhotoAsset saved;
			try {
				capture.capture(RAW);
				Object outcome = capture.nextOutcome(WAIT_SECONDS);
				assertThat(outcome).isInstanceOf(PhotoAsset.class);
				saved = library.applyChanges(new MediaAssetChangeRequest((PhotoAsset) outcome)
					.saveCameraPhoto(ImageFileType.JPEG));
				deferred.resume();
				assertThat(deferred.drain(Duration.ofSeconds(WAIT_SECONDS))).isTrue();
			} finally {
				capture.release();
			}
			PhotoAsset full = library.getAsset(saved.uri()).orElseThrow();

			RawImage raw = library.getRawImage(full).orElseThrow(() -> new AssertionError("no raw image"));
			Path file = Files.write(directory.resolve(raw.displayName()), library.getRawImageData(full));

			assertThat(raw.displayName()).isEqualTo(full.displayName().replace(".jpg", ".dng"));
			assertThat(Dcraw.identify(file)).contains("Image size:   " + full.width() + " x " + full.height());
			assertThat(developedLikeThePhoto(file, full)).isGreaterThan(MINIMUM_PSNR_DB);
			library.deletePermanently(List.of(full));
			assertThatThrownBy(() -> library.getRawImageData(full)).isInstanceOf(MediaLibraryException.class)
				.extracting(e -> ((MediaLibraryException) e).errorCode()).isEqualTo(MediaLibraryErrorCode.NOT_FOUND);
		}

		@Test
		void aDeferredCaptureWithoutRawKeepsNone() throws Exception {
			DeferredCaptureSession capture = DeferredCaptureSession.open(cameras, CAMERA);
			PhotoAsset saved;
			try {
				capture.capture();
				Object outcome = capture.nextOutcome(WAIT_SECONDS);
				assertThat(outcome).isInstanceOf(PhotoAsset.class);
				saved = library.applyChanges(new MediaAssetChangeRequest((PhotoAsset) outcome)
					.saveCameraPhoto(ImageFileType.JPEG));
				assertThat(deferred.drain(Duration.ofSeconds(WAIT_SECONDS))).isTrue();
			} finally {
				capture.release();
			}

			assertThat(library.getRawImage(saved)).isEmpty();
			assertThatThrownBy(() -> library.getRawImageData(saved)).hasMessageContaining("has no raw image");
		}
	}

	@Nested
	class SinglePhaseCaptures {
		@Test
		void aSinglePhasePhotoWithRawCarriesADngDcrawOpens() throws Exception {
			assumeTrue(Dcraw.installed(), "dcraw is not installed");
			CompletableFuture<Photo> delivered = new CompletableFuture<>();
			PhotoOutput output = startedOutput(delivered);
			output.capture(RAW);
			Photo photo = delivered.get(WAIT_SECONDS, TimeUnit.SECONDS);

			Path file = Files.write(directory.resolve("single.dng"), photo.dng().orElseThrow());

			assertThat(Dcraw.identify(file)).contains("Image size:   " + photo.size().width() + " x "
					+ photo.size().height());
		}
	}

	/** @return the PSNR of dcraw's development of the DNG against the photo Darkroom developed from the same burst */
	private double developedLikeThePhoto(Path dng, PhotoAsset photo) throws Exception {
		Path jpeg = directory.resolve(photo.displayName());
		Files.write(jpeg, currentFile(photo));
		BufferedImage decoded = ImageIO.read(jpeg.toFile());
		byte[] rgb = new byte[decoded.getWidth() * decoded.getHeight() * 3];
		for (int y = 0, at = 0; y < decoded.getHeight(); y++) {
			for (int x = 0; x < decoded.getWidth(); x++, at += 3) {
				int pixel = decoded.getRGB(x, y);
				rgb[at] = (byte) (pixel >> 16);
				rgb[at + 1] = (byte) (pixel >> 8);
				rgb[at + 2] = (byte) pixel;
			}
		}
		RgbImage darkroom = new RgbImage(decoded.getWidth(), decoded.getHeight(), rgb);
		RgbImage dcraw = developer.renderReference(Dcraw.linear(dng, fullScale(new Size(photo.width(), photo.height())),
				"-q", "3"));
		return dcraw.psnr(darkroom);
	}

	/** The sensor's range above black, as the simulated camera's frames state it. */
	private int fullScale(Size size) {
		RawFrame frame = scene.render(size, 1).frames().getFirst();
		return frame.metadata().whiteLevel() - frame.metadata().blackLevel();
	}

	private byte[] currentFile(PhotoAsset asset) throws Exception {
		// The photo is FULL and final: a FAST-mode request delivers it at once.
		CompletableFuture<byte[]> image = new CompletableFuture<>();
		assets.requestImageData(asset, new RequestOptions(DeliveryMode.FAST_MODE),
				new MediaAssetDataHandler<>() {
					@Override
					public void onDataPrepared(byte[] data, MediaQuality quality) {
						image.complete(data);
					}

					@Override
					public void onError(MediaLibraryException error) {
						image.completeExceptionally(error);
					}
				});
		return image.get(WAIT_SECONDS, TimeUnit.SECONDS);
	}

	private static ExifData exif(RawFrame frame) {
		return new ExifData(Instant.now(), 1, "Darkroom", "Simulated back camera", frame.metadata().exposureNanos(),
				frame.metadata().iso(), null);
	}

	private Profile smallestProfile() {
		return cameras.getSupportedOutputCapability(camera(), SceneMode.NORMAL_PHOTO)
			.photoProfiles()
			.stream()
			.min(Comparator.comparingLong(p -> p.size().pixels()))
			.orElseThrow();
	}

	private CameraDevice camera() {
		return cameras.getSupportedCameras()
			.stream()
			.filter(c -> c.cameraId().equals(CAMERA))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + CAMERA + " among " + cameras.getSupportedCameras()));
	}

	private PhotoOutput startedOutput(CompletableFuture<Photo> delivered) {
		session = cameras.createSession(SceneMode.NORMAL_PHOTO);
		CameraInput input = cameras.createCameraInput(camera());
		input.open();
		PhotoOutput output = cameras.createPhotoOutput(smallestProfile());
		output.onPhotoAvailable(delivered::complete);
		output.onError(delivered::completeExceptionally);
		session.beginConfig();
		session.addInput(input);
		session.addOutput(output);
		session.commitConfig();
		session.start();
		return output;
	}
}
