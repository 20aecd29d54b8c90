package camera.shell.internal.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import camera.api.CameraException;
import camera.api.ImageRotation;
import camera.api.PhotoCaptureSetting;
import camera.api.QualityLevel;
import camera.shell.internal.console.CommandFailure;
import media.library.ImageFileType;
import media.library.MediaAssetChangeRequest;
import media.library.MediaQuality;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CaptureRunTest {
	private static final PhotoCaptureSetting SETTING = new PhotoCaptureSetting(QualityLevel.MEDIUM,
			ImageRotation.ROTATION_90, false, null);

	private final FakeCamera camera = new FakeCamera();
	private final FakeLibrary library = new FakeLibrary();
	private final List<CapturedPhoto> photos = new ArrayList<>();

	private void capture(PhotoDelivery<?> delivery, int count) throws InterruptedException {
		new CaptureRun(camera, library, Duration.ofMillis(200)).run(FakeCamera.BACK, FakeCamera.LARGE, SETTING,
				delivery, count, photos::add);
	}

	@Nested
	class Deferred {

		@Test
		void savesEachFastAssetWithSaveCameraPhoto() throws InterruptedException {
			capture(new DeferredAssetDelivery(), 3);
			assertThat(photos).extracting(CapturedPhoto::captureId).containsExactly(1, 2, 3);
			assertThat(photos).extracting(CapturedPhoto::quality).containsOnly(MediaQuality.FAST);
			assertThat(photos).extracting(CapturedPhoto::developedAtOnce).containsOnly(false);
			assertThat(library.applied).extracting(MediaAssetChangeRequest::savedAs)
				.allSatisfy(saved -> assertThat(saved).contains(ImageFileType.JPEG));
		}

		@Test
		void refusesACameraThatDoesNotDeferAndCapturesNothing() {
			camera.supportsDeferred = false;
			assertThatThrownBy(() -> capture(new DeferredAssetDelivery(), 1)).isInstanceOf(CommandFailure.class)
				.hasMessageContaining("-m single");
			assertThat(camera.calls).noneMatch(call -> call.startsWith("capture"));
			assertThat(library.applied).isEmpty();
		}
	}

	@Test
	void savesTheSinglePhasePhotoAsAFullImageResource() throws InterruptedException {
		capture(new SinglePhaseDelivery(), 1);
		assertThat(photos).singleElement().satisfies(photo -> {
			assertThat(photo.quality()).isEqualTo(MediaQuality.FULL);
			assertThat(photo.developedAtOnce()).isFalse();
		});
		assertThat(library.applied).singleElement()
			.satisfies(request -> assertThat(request.imageBytes()).hasValueSatisfying(
					bytes -> assertThat(bytes).containsExactly(1, 2, 3)));
	}

	@Test
	void savesTheRawFileOfASinglePhasePhotoBesideItsImage() throws InterruptedException {
		new CaptureRun(camera, library, Duration.ofMillis(200)).run(FakeCamera.BACK, FakeCamera.LARGE,
				SETTING.withRaw(true), new SinglePhaseDelivery(), 1, photos::add);
		assertThat(library.applied).singleElement()
			.satisfies(request -> assertThat(request.rawImageBytes()).hasValueSatisfying(
					bytes -> assertThat(new String(bytes, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("DNG")));
	}

	@Test
	void aSinglePhasePhotoWithoutRawSavesNoRawFile() throws InterruptedException {
		capture(new SinglePhaseDelivery(), 1);
		assertThat(library.applied).singleElement()
			.satisfies(request -> assertThat(request.rawImageBytes()).isEmpty());
	}

	@Test
	void savesTheProxyWithPhotoProxyAndReleasesIt() throws InterruptedException {
		capture(new ProxyDelivery(), 2);
		assertThat(library.applied).hasSize(2)
			.allSatisfy(request -> assertThat(request.photoProxy()).isPresent());
		assertThat(photos).extracting(CapturedPhoto::assetUri).doesNotHaveDuplicates();
		assertThat(camera.calls).filteredOn("release proxy"::equals).hasSize(2);
	}

	@Test
	void passesTheQualityAndRotationToEveryCapture() throws InterruptedException {
		capture(new SinglePhaseDelivery(), 2);
		assertThat(camera.calls).filteredOn(call -> call.startsWith("capture"))
			.containsExactly("capture MEDIUM ROTATION_90", "capture MEDIUM ROTATION_90");
	}

	@Test
	void stopsAtTheFirstCameraErrorAfterPrintingThePhotosBefore() {
		camera.failingCapture = 1;
		assertThatThrownBy(() -> capture(new DeferredAssetDelivery(), 3)).isInstanceOf(CameraException.class)
			.hasMessage("gone");
		assertThat(photos).hasSize(1);
	}

	@Test
	void givesUpWhenNoPhotoArrives() {
		camera.silent = true;
		assertThatThrownBy(() -> capture(new DeferredAssetDelivery(), 1)).isInstanceOf(CommandFailure.class)
			.hasMessageContaining("gave no photo");
	}

	@Test
	void releasesTheSessionOutputAndInputWhateverHappens() {
		camera.silent = true;
		assertThatThrownBy(() -> capture(new SinglePhaseDelivery(), 1)).isInstanceOf(CommandFailure.class);
		assertThat(camera.calls).contains("release session", "release output", "close");
	}

	@Test
	void printsCaptureIdUriQualityAndPhaseOneMillisecondsOnOneLine() {
		assertThat(new CapturedPhoto(7, "file://media/Photo/3/a.jpg", MediaQuality.FAST, 42, OptionalLong.of(-21),
				false).line())
			.isEqualTo("capture 7  file://media/Photo/3/a.jpg  FAST  phase 1: 42 ms  shutter lag: -21 ms");
	}

	@Test
	void printsNoShutterLagForACameraThatReportedNoShutter() {
		assertThat(new CapturedPhoto(7, "file://media/Photo/3/a.jpg", MediaQuality.FAST, 42, OptionalLong.empty(),
				false).line())
			.isEqualTo("capture 7  file://media/Photo/3/a.jpg  FAST  phase 1: 42 ms  shutter lag: n/a");
	}

	@Test
	void notesAPhotoThatADeferredFlowDeliveredDevelopedAtOnce() {
		assertThat(new CapturedPhoto(8, "file://media/Photo/4/b.jpg", MediaQuality.FULL, 310, OptionalLong.of(5),
				true).line())
			.isEqualTo("capture 8  file://media/Photo/4/b.jpg  FULL  phase 1: 310 ms  shutter lag: 5 ms"
					+ "  (developed at once: no room to defer it)");
	}
}
