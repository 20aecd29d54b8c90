package camera.deferred.internal.framework;

import static camera.deferred.internal.framework.CameraErrors.assertFailsWith;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import camera.api.CameraDevice;
import camera.api.CameraErrorCode;
import camera.api.CameraFormat;
import camera.api.CameraPosition;
import camera.api.CameraType;
import camera.api.ConnectionType;
import camera.api.Profile;
import camera.api.SceneMode;

class CameraManagerTest {
	private final Rig rig = new Rig();
	private final CameraDevice unknown = new CameraDevice("nowhere", "Nowhere", CameraPosition.BACK,
			CameraType.DEFAULT, ConnectionType.BUILT_IN, "fake");

	@AfterEach
	void stop() {
		rig.close();
	}

	@Nested
	class Cameras {
		@Test
		void listsTheCamerasOfEveryHalById() {
			rig.addCamera("v4l2-video0", false);
			rig.addCamera("sim-front", true);
			rig.addCamera("sim-back", true);

			assertThat(rig.framework.getSupportedCameras()).extracting(CameraDevice::cameraId)
				.containsExactly("sim-back", "sim-front", "v4l2-video0");
		}

		@Test
		void theCameraWithTheHighestServiceRankingIsListedFirstAsTheDefault() {
			rig.addCamera("sim-back", true);
			rig.addCamera("v4l2-video0", false, 10);
			rig.addCamera("sim-front", true, 5);

			assertThat(rig.framework.getSupportedCameras()).extracting(CameraDevice::cameraId)
				.containsExactly("v4l2-video0", "sim-front", "sim-back");
		}

		@Test
		void aCameraWhoseHalWentAwayIsNoLongerListed() {
			Fakes.Camera camera = rig.addCamera("sim-back", true);
			rig.addCamera("v4l2-video0", false);

			rig.framework.cameraRemoved(camera);

			assertThat(rig.framework.getSupportedCameras()).extracting(CameraDevice::cameraId)
				.containsExactly("v4l2-video0");
		}

		@Test
		void offersOneJpegProfilePerSensorSizeLargestFirst() {
			rig.addCamera("sim-back", true);

			assertThat(rig.framework.getSupportedOutputCapability(rig.device("sim-back"), SceneMode.NORMAL_PHOTO)
				.photoProfiles()).containsExactly(new Profile(CameraFormat.JPEG, Fakes.SENSOR),
						new Profile(CameraFormat.JPEG, Fakes.SMALL_SENSOR));
		}

		@Test
		void offersTheNormalPhotoMode() {
			rig.addCamera("sim-back", true);

			assertThat(rig.framework.getSupportedSceneModes(rig.device("sim-back")))
				.containsExactly(SceneMode.NORMAL_PHOTO);
		}
	}

	@Nested
	class Misuse {
		@Test
		void anUnknownCameraIsAnInvalidArgumentEverywhere() {
			assertFailsWith(CameraErrorCode.INVALID_ARGUMENT, () -> rig.framework.getSupportedSceneModes(unknown));
			assertFailsWith(CameraErrorCode.INVALID_ARGUMENT,
					() -> rig.framework.getSupportedOutputCapability(unknown, SceneMode.NORMAL_PHOTO));
			assertFailsWith(CameraErrorCode.INVALID_ARGUMENT, () -> rig.framework.createCameraInput(unknown));
			assertFailsWith(CameraErrorCode.INVALID_ARGUMENT, () -> rig.framework.createCameraInput(null));
		}

		@Test
		void aMissingModeIsAnInvalidArgument() {
			rig.addCamera("sim-back", true);

			assertFailsWith(CameraErrorCode.INVALID_ARGUMENT, () -> rig.framework.createSession(null));
			assertFailsWith(CameraErrorCode.INVALID_ARGUMENT,
					() -> rig.framework.getSupportedOutputCapability(rig.device("sim-back"), null));
		}

		@Test
		void aMissingProfileIsAnInvalidArgument() {
			assertFailsWith(CameraErrorCode.INVALID_ARGUMENT, () -> rig.framework.createPhotoOutput(null));
		}
	}
}
