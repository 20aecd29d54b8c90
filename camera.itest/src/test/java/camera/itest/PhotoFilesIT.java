package camera.itest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

import camera.api.CameraDevice;
import camera.api.CameraInput;
import camera.api.CameraManager;
import camera.api.DeferredProcessing;
import camera.api.Photo;
import camera.api.PhotoOutput;
import camera.api.PhotoSession;
import camera.api.Profile;
import camera.api.SceneMode;
import media.library.DeliveryMode;
import media.library.ImageFileType;
import media.library.MediaAssetChangeRequest;
import media.library.MediaAssetDataHandler;
import media.library.MediaAssetManager;
import media.library.MediaLibraryException;
import media.library.MediaQuality;
import media.library.PhotoAccessHelper;
import media.library.PhotoAsset;
import media.library.RequestOptions;

/**
 * The photo files the platform writes, read by the tool photographers check EXIF with: FAST, FULL and
 * single-phase photos pass {@code exiftool -validate} without a warning. Skipped where exiftool is not installed.
 */
@ExtendWith(ServiceExtension.class)
class PhotoFilesIT {
	private static final long WAIT_SECONDS = 60;
	private static final Path EXIFTOOL = Path.of("/usr/bin/exiftool");

	@InjectService(timeout = 20_000)
	CameraManager cameras;
	@InjectService(timeout = 20_000)
	PhotoAccessHelper library;
	@InjectService(timeout = 20_000)
	MediaAssetManager assets;
	@InjectService(timeout = 20_000)
	DeferredProcessing deferred;
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

	private PhotoOutput startedOutput(Consumer<PhotoOutput> listeners) {
		CameraDevice camera = cameras.getSupportedCameras()
			.stream()
			.filter(c -> c.cameraId().equals("sim-back"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no sim-back among " + cameras.getSupportedCameras()));
		Profile smallest = cameras.getSupportedOutputCapability(camera, SceneMode.NORMAL_PHOTO)
			.photoProfiles()
			.stream()
			.min(Comparator.comparingLong(p -> p.size().pixels()))
			.orElseThrow();
		session = cameras.createSession(SceneMode.NORMAL_PHOTO);
		CameraInput input = cameras.createCameraInput(camera);
		input.open();
		PhotoOutput output = cameras.createPhotoOutput(smallest);
		listeners.accept(output);
		session.beginConfig();
		session.addInput(input);
		session.addOutput(output);
		session.commitConfig();
		session.start();
		return output;
	}

	private byte[] currentImage(PhotoAsset asset, MediaQuality expected) throws Exception {
		CompletableFuture<byte[]> image = new CompletableFuture<>();
		assets.requestImageData(asset, new RequestOptions(DeliveryMode.FAST_MODE), new MediaAssetDataHandler<>() {
			@Override
			public void onDataPrepared(byte[] data, MediaQuality quality) {
				if (quality == expected) {
					image.complete(data);
				} else {
					image.completeExceptionally(new AssertionError("got " + quality + ", not " + expected));
				}
			}

			@Override
			public void onError(MediaLibraryException error) {
				image.completeExceptionally(error);
			}
		});
		return image.get(WAIT_SECONDS, TimeUnit.SECONDS);
	}

	private String validate(String name, byte[] jpeg) throws Exception {
		Path file = Files.write(directory.resolve(name + ".jpg"), jpeg);
		Process exiftool = new ProcessBuilder(EXIFTOOL.toString(), "-validate", "-warning", "-a", file.toString())
			.redirectErrorStream(true)
			.start();
		String output = new String(exiftool.getInputStream().readAllBytes());
		assertThat(exiftool.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
		return output;
	}

	@Test
	void fastAndFullPhotosOfADeferredCaptureValidate() throws Exception {
		assumeTrue(Files.isExecutable(EXIFTOOL), "exiftool (libimage-exiftool-perl) is not installed");
		// Held until the FAST file is read: an idle machine would develop the photo at once.
		deferred.pause();
		DeferredCaptureSession deferredSession = DeferredCaptureSession.open(cameras, "sim-back");
		try {
			deferredSession.capture();
			Object outcome = deferredSession.nextOutcome(WAIT_SECONDS);
			assertThat(outcome).isInstanceOf(PhotoAsset.class);
			PhotoAsset saved = library.applyChanges(new MediaAssetChangeRequest((PhotoAsset) outcome)
				.saveCameraPhoto(ImageFileType.JPEG));

			String fast = validate("fast", currentImage(saved, MediaQuality.FAST));
			deferred.resume();
			assertThat(deferred.drain(Duration.ofSeconds(WAIT_SECONDS))).isTrue();
			String full = validate("full", currentImage(saved, MediaQuality.FULL));

			assertThat(fast).contains("Validate                        : OK").doesNotContain("Warning");
			assertThat(full).contains("Validate                        : OK").doesNotContain("Warning");
		} finally {
			deferredSession.release();
		}
	}

	@Test
	void aSinglePhasePhotoValidates() throws Exception {
		assumeTrue(Files.isExecutable(EXIFTOOL), "exiftool (libimage-exiftool-perl) is not installed");
		CompletableFuture<Photo> delivered = new CompletableFuture<>();
		PhotoOutput output = startedOutput(o -> {
			o.onPhotoAvailable(delivered::complete);
			o.onError(delivered::completeExceptionally);
		});
		output.capture();
		byte[] jpeg = delivered.get(WAIT_SECONDS, TimeUnit.SECONDS).jpeg();

		assertThat(validate("single", jpeg)).contains("Validate                        : OK").doesNotContain("Warning");
	}
}
