package camera.deferred.internal.framework;

import static camera.deferred.internal.framework.CameraErrors.assertFailsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import camera.api.CameraErrorCode;
import camera.api.CameraFormat;
import camera.api.CameraInput;
import camera.api.PhotoOutput;
import camera.api.PhotoSession;
import camera.api.Profile;
import camera.api.SceneMode;
import camera.api.Size;

class PhotoSessionTest {
	private final Rig rig = new Rig();
	private Fakes.Camera camera;

	@BeforeEach
	void cameras() {
		camera = rig.addCamera("sim-back", true);
		rig.addCamera("sim-front", true);
	}

	@AfterEach
	void stop() {
		rig.close();
	}

	private PhotoSession newSession() {
		return rig.framework.createSession(SceneMode.NORMAL_PHOTO);
	}

	private PhotoOutput newOutput() {
		return rig.framework.createPhotoOutput(rig.largestProfile("sim-back"));
	}

	@Nested
	class Configuration {
		@Test
		void addingAnInputOutsideConfigurationIsNotAllowed() {
			CameraInput input = rig.framework.createCameraInput(rig.device("sim-back"));

			assertFailsWith(CameraErrorCode.OPERATION_NOT_ALLOWED, () -> newSession().addInput(input));
		}

		@Test
		void addingAnOutputOutsideConfigurationIsNotAllowed() {
			assertFailsWith(CameraErrorCode.OPERATION_NOT_ALLOWED, () -> newSession().addOutput(newOutput()));
		}

		@Test
		void beginningConfigurationTwiceLocksIt() {
			PhotoSession session = newSession();
			session.beginConfig();

			assertFailsWith(CameraErrorCode.SESSION_CONFIG_LOCKED, session::beginConfig);
		}

		@Test
		void aSecondInputIsNotAllowed() {
			Rig.Setup setup = rig.configure("sim-back");
			CameraInput second = rig.framework.createCameraInput(rig.device("sim-front"));

			assertFailsWith(CameraErrorCode.OPERATION_NOT_ALLOWED, () -> setup.session().addInput(second));
		}

		@Test
		void anOutputCannotBeAddedTwice() {
			Rig.Setup setup = rig.configure("sim-back");

			assertFailsWith(CameraErrorCode.OPERATION_NOT_ALLOWED, () -> setup.session().addOutput(setup.output()));
		}

		@Test
		void removingSomethingNotInTheSessionIsAnInvalidArgument() {
			Rig.Setup setup = rig.configure("sim-back");

			assertFailsWith(CameraErrorCode.INVALID_ARGUMENT, () -> setup.session().removeOutput(newOutput()));
			assertFailsWith(CameraErrorCode.INVALID_ARGUMENT, () -> setup.session()
				.removeInput(rig.framework.createCameraInput(rig.device("sim-front"))));
		}

		@Test
		void committingNeedsAnOpenedInput() {
			PhotoSession session = newSession();
			session.beginConfig();
			session.addInput(rig.framework.createCameraInput(rig.device("sim-back")));
			session.addOutput(newOutput());

			assertFailsWith(CameraErrorCode.OPERATION_NOT_ALLOWED, session::commitConfig);
		}

		@Test
		void committingNeedsAnOutput() {
			Rig.Setup setup = rig.configure("sim-back");
			setup.session().removeOutput(setup.output());

			assertFailsWith(CameraErrorCode.OPERATION_NOT_ALLOWED, setup.session()::commitConfig);
		}

		@Test
		void committingWithoutBeginningIsNotAllowed() {
			assertFailsWith(CameraErrorCode.OPERATION_NOT_ALLOWED, newSession()::commitConfig);
		}

		@Test
		void aProfileTheCameraDoesNotOfferIsAnInvalidArgumentAndLeavesTheSessionConfiguring() {
			Rig.Setup setup = rig.configure("sim-back");
			setup.session().addOutput(rig.framework.createPhotoOutput(new Profile(CameraFormat.JPEG, new Size(7, 7))));

			assertFailsWith(CameraErrorCode.INVALID_ARGUMENT, setup.session()::commitConfig);
			assertFailsWith(CameraErrorCode.SESSION_NOT_CONFIG, setup.session()::start);
		}

		@Test
		void anOutputBelongsToOneSession() {
			Rig.Setup setup = rig.configure("sim-back");
			PhotoSession other = newSession();
			other.beginConfig();

			assertFailsWith(CameraErrorCode.OPERATION_NOT_ALLOWED, () -> other.addOutput(setup.output()));
		}

		@Test
		void anInputBelongsToOneSession() {
			Rig.Setup setup = rig.configure("sim-back");
			PhotoSession other = newSession();
			other.beginConfig();

			assertFailsWith(CameraErrorCode.OPERATION_NOT_ALLOWED, () -> other.addInput(setup.input()));
		}
	}

	@Nested
	class Running {
		@Test
		void startingBeforeCommitIsNotConfigured() {
			assertFailsWith(CameraErrorCode.SESSION_NOT_CONFIG, newSession()::start);
		}

		@Test
		void startingWhileReconfiguringIsNotConfigured() {
			Rig.Setup setup = rig.configure("sim-back").commitAndStart();
			setup.session().beginConfig();

			assertFailsWith(CameraErrorCode.SESSION_NOT_CONFIG, setup.session()::start);
		}

		@Test
		void startingTwiceAndStoppingTwiceDoNothing() {
			Rig.Setup setup = rig.configure("sim-back").commitAndStart();

			assertThatNoException().isThrownBy(() -> {
				setup.session().start();
				setup.session().stop();
				setup.session().stop();
			});
		}

		@Test
		void capturingNeedsARunningSession() {
			Rig.Setup setup = rig.configure("sim-back");
			setup.session().commitConfig();

			assertFailsWith(CameraErrorCode.SESSION_NOT_RUNNING, setup.output()::capture);
		}

		@Test
		void capturingAfterStopIsNotRunning() {
			Rig.Setup setup = rig.configure("sim-back").commitAndStart();
			setup.session().stop();

			assertFailsWith(CameraErrorCode.SESSION_NOT_RUNNING, setup.output()::capture);
		}
	}

	@Nested
	class Release {
		@Test
		void everythingButReleaseIsNotAllowedAfterRelease() {
			PhotoSession session = newSession();
			session.release();

			assertFailsWith(CameraErrorCode.OPERATION_NOT_ALLOWED, session::beginConfig);
			assertFailsWith(CameraErrorCode.OPERATION_NOT_ALLOWED, session::commitConfig);
			assertFailsWith(CameraErrorCode.OPERATION_NOT_ALLOWED, session::start);
			assertFailsWith(CameraErrorCode.OPERATION_NOT_ALLOWED, session::stop);
			assertFailsWith(CameraErrorCode.OPERATION_NOT_ALLOWED, () -> session.addOutput(newOutput()));
			assertFailsWith(CameraErrorCode.OPERATION_NOT_ALLOWED, () -> session.onError(e -> {
			}));
			assertThatNoException().isThrownBy(session::release);
		}

		@Test
		void releasingClosesTheCameraAndFreesItForAnotherInput() {
			Rig.Setup setup = rig.configure("sim-back").commitAndStart();

			setup.session().release();

			assertThat(camera.closed).hasValue(1);
			assertThatNoException().isThrownBy(() -> rig.framework.createCameraInput(rig.device("sim-back")).open());
		}

		@Test
		void releasingReleasesTheOutputs() {
			Rig.Setup setup = rig.configure("sim-back").commitAndStart();

			setup.session().release();

			assertFailsWith(CameraErrorCode.OPERATION_NOT_ALLOWED, setup.output()::capture);
		}
	}

	@Nested
	class Inputs {
		@Test
		void aCameraOpensForOneInputAtATime() {
			rig.framework.createCameraInput(rig.device("sim-back")).open();

			assertFailsWith(CameraErrorCode.CONFLICT_CAMERA,
					() -> rig.framework.createCameraInput(rig.device("sim-back")).open());
		}

		@Test
		void openingTwiceIsNotAllowed() {
			CameraInput input = rig.framework.createCameraInput(rig.device("sim-back"));
			input.open();

			assertFailsWith(CameraErrorCode.OPERATION_NOT_ALLOWED, input::open);
		}

		@Test
		void openingACameraThatWentAwayIsDisabled() {
			CameraInput input = rig.framework.createCameraInput(rig.device("sim-back"));
			rig.framework.cameraRemoved(camera);

			assertFailsWith(CameraErrorCode.DEVICE_DISABLED, input::open);
		}

		@Test
		void closingAnInputThatIsNotOpenDoesNothing() {
			CameraInput input = rig.framework.createCameraInput(rig.device("sim-back"));

			assertThatNoException().isThrownBy(input::close);
			assertThat(camera.closed).hasValue(0);
		}
	}
}
