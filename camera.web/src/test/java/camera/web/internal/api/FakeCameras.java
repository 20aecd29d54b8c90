package camera.web.internal.api;

import java.util.List;

import camera.api.CameraDevice;
import camera.api.CameraFormat;
import camera.api.CameraInput;
import camera.api.CameraManager;
import camera.api.CameraOutputCapability;
import camera.api.CameraPosition;
import camera.api.CameraType;
import camera.api.ConnectionType;
import camera.api.PhotoOutput;
import camera.api.PhotoSession;
import camera.api.Profile;
import camera.api.SceneMode;
import camera.api.Size;

/**
 * One camera, {@code sim-back}, offering 640x480 and 320x240; opening it fails the test, so a test that gets
 * that far has let a bad request through.
 */
final class FakeCameras implements CameraManager {
	static final CameraDevice BACK = new CameraDevice("sim-back", "Back", CameraPosition.BACK, CameraType.DEFAULT,
			ConnectionType.BUILT_IN, "sim");

	@Override
	public List<CameraDevice> getSupportedCameras() {
		return List.of(BACK);
	}

	@Override
	public List<SceneMode> getSupportedSceneModes(CameraDevice camera) {
		return List.of(SceneMode.NORMAL_PHOTO);
	}

	@Override
	public CameraOutputCapability getSupportedOutputCapability(CameraDevice camera, SceneMode mode) {
		return new CameraOutputCapability(List.of(new Profile(CameraFormat.values()[0], new Size(640, 480)),
				new Profile(CameraFormat.values()[0], new Size(320, 240))));
	}

	@Override
	public CameraInput createCameraInput(CameraDevice camera) {
		throw new AssertionError("a bad capture request reached the camera");
	}

	@Override
	public PhotoOutput createPhotoOutput(Profile profile) {
		throw new AssertionError("a bad capture request reached the camera");
	}

	@Override
	public PhotoSession createSession(SceneMode mode) {
		throw new AssertionError("a bad capture request reached the camera");
	}
}
