package camera.shell.internal.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import camera.api.Size;
import camera.shell.internal.console.CommandFailure;
import camera.shell.internal.console.Services;

import org.junit.jupiter.api.Test;

class CameraLookupTest {
	private final FakeCamera cameras = new FakeCamera();
	private final CameraLookup lookup = new CameraLookup(cameras);

	@Test
	void takesTheFirstCameraWhenNoneIsNamed() {
		assertThat(lookup.camera("")).isEqualTo(FakeCamera.BACK);
	}

	@Test
	void namesTheAvailableCamerasForAnUnknownOne() {
		assertThatThrownBy(() -> lookup.camera("front")).isInstanceOf(CommandFailure.class)
			.hasMessage("no camera 'front': the cameras are fake-back");
	}

	@Test
	void saysPlainlyThatNoCameraIsAvailable() {
		cameras.removeAllCameras();
		assertThatThrownBy(() -> lookup.camera("")).hasMessage(Services.NO_CAMERA);
	}

	@Test
	void takesTheLargestProfileByDefaultAndTheOneOfTheSizeAsked() {
		assertThat(lookup.profile(FakeCamera.BACK, null)).isEqualTo(FakeCamera.LARGE);
		assertThat(lookup.profile(FakeCamera.BACK, new Size(32, 24))).isEqualTo(FakeCamera.SMALL);
	}

	@Test
	void namesTheSizesOfferedForASizeTheCameraCannotTake() {
		assertThatThrownBy(() -> lookup.profile(FakeCamera.BACK, new Size(99999, 1)))
			.hasMessage("camera 'fake-back' cannot take 99999x1 photos; its sizes are 64x48, 32x24");
	}
}
