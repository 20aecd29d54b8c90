package camera.hal.sim.internal.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.ByteOrder;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import camera.api.CameraErrorCode;
import camera.api.CameraException;
import camera.api.CameraPosition;
import camera.api.DeferredDeliveryImageType;
import camera.api.Size;
import camera.api.hal.BayerPattern;
import camera.api.hal.HalCaptureRequest;
import camera.api.hal.HalDevice;
import camera.api.hal.HalProfile;
import camera.api.hal.PixelFormat;
import camera.api.hal.RawFrame;
import camera.api.hal.SceneBurst;
import camera.api.hal.SimulatedScene;

class SimulatedCameraTest {
	private static final Size SIZE = new Size(64, 48);

	private final FakeFramework framework = new FakeFramework();
	private SimulatedCamera camera;

	private SimulatedCamera start(Map<String, Object> overrides) {
		camera = new SimulatedCamera(framework.context(), FakeFramework.configuration(overrides), FakeFramework.logger());
		return camera;
	}

	@AfterEach
	void stop() {
		if (camera != null) {
			camera.deactivate();
		}
	}

	private static HalCaptureRequest request(int frames) {
		return new HalCaptureRequest(1, SIZE, PixelFormat.RAW_BAYER16, frames);
	}

	private static CameraException failure(Runnable action) {
		return catchThrowableOfType(CameraException.class, action::run);
	}

	@Nested
	class Defaults {
		@Test
		void theDefaultCameraIsTheSimulatedBackCameraWithThreeProfilesLargestFirst() {
			SimulatedCamera camera = new SimulatedCamera(framework.context(), FakeFramework.configuration(Map.of(
					"profiles", new String[] { "640x480", "4000x3000", "1920x1080" })), FakeFramework.logger());
			SimulatedCameraTest.this.camera = camera;
			assertThat(camera.info().id()).isEqualTo("sim-back");
			assertThat(camera.info().position()).isEqualTo(CameraPosition.BACK);
			assertThat(camera.capabilities().profiles()).extracting(HalProfile::size)
				.containsExactly(new Size(4000, 3000), new Size(1920, 1080), new Size(640, 480));
			assertThat(camera.capabilities().maxBurst()).isEqualTo(4);
		}

		@Test
		void theCameraRegistersItselfWhenActivated() {
			start(Map.of());
			assertThat(framework.registered()).containsExactly(camera);
		}

		@Test
		void deferredPhotoDeliveryIsOfferedUnlessConfiguredOff() {
			assertThat(start(Map.of()).capabilities().deferredTypes()).containsExactly(DeferredDeliveryImageType.PHOTO);
			camera.deactivate();
			assertThat(start(Map.of("deferred_photo", false)).capabilities().deferredTypes()).isEmpty();
		}

		@Test
		void aProfileWithAnOddSizeIsRefusedWithItsName() {
			Throwable refused = catchThrowableOfType(IllegalArgumentException.class,
					() -> start(Map.of("profiles", new String[] { "63x48" })));
			assertThat(refused).hasMessageContaining("profiles").hasMessageContaining("63x48");
		}
	}

	@Nested
	class Opening {
		@Test
		void openingAnOpenCameraFailsWithConflictCamera() {
			start(Map.of()).open();
			assertThat(failure(camera::open).errorCode()).isEqualTo(CameraErrorCode.CONFLICT_CAMERA);
		}

		@Test
		void aClosedCameraCanBeOpenedAgain() {
			start(Map.of()).open().close();
			assertThat(camera.open()).isNotNull();
		}

		@Test
		void aClosedDeviceNoLongerCaptures() {
			HalDevice device = start(Map.of()).open();
			device.close();
			assertThat(failure(() -> device.capture(request(1), new RecordingSink())).errorCode())
				.isEqualTo(CameraErrorCode.DEVICE_DISABLED);
		}
	}

	@Nested
	class Capturing {
		@Test
		void aCaptureDeliversOneShutterThenTheRequestedFrames() {
			RecordingSink sink = new RecordingSink();
			start(Map.of()).open().capture(request(3), sink);
			assertThat(sink.shutters).hasSize(1);
			assertThat(sink.frames).hasSize(3);
		}

		@Test
		void framesAreTwelveBitRggbWithTheirBlackLevel() {
			RecordingSink sink = new RecordingSink();
			start(Map.of("black_level", 200, "iso", 1600)).open().capture(request(1), sink);
			RawFrame frame = sink.frames.getFirst();
			assertThat(frame.format()).isEqualTo(PixelFormat.RAW_BAYER16);
			assertThat(frame.width()).isEqualTo(64);
			assertThat(frame.stride()).isEqualTo(128);
			assertThat(frame.data().limit()).isEqualTo(128 * 48);
			assertThat(frame.data().order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
			assertThat(frame.metadata().blackLevel()).isEqualTo(200);
			assertThat(frame.metadata().whiteLevel()).isEqualTo(4095);
			assertThat(frame.metadata().iso()).isEqualTo(1600);
			assertThat(frame.metadata().bayerPattern()).isEqualTo(BayerPattern.RGGB);
		}

		@Test
		void theFramesOfABurstDifferInTheirNoise() {
			RecordingSink sink = new RecordingSink();
			start(Map.of("shake_pixels", 0)).open().capture(request(2), sink);
			assertThat(sink.frames.get(0).data()).isNotEqualTo(sink.frames.get(1).data());
		}

		@Test
		void framesFollowTheTimingModel() {
			RecordingSink sink = new RecordingSink();
			start(Map.of("exposure_ms", 2, "readout_ms", 3)).open().capture(request(3), sink);
			long shutter = sink.shutters.getFirst();
			assertThat(sink.frames).extracting(frame -> frame.metadata().timestampNanos())
				.containsExactly(shutter, shutter + 5_000_000, shutter + 10_000_000);
			assertThat(sink.frames.getFirst().metadata().exposureNanos()).isEqualTo(2_000_000);
		}

		@Test
		void moreFramesThanTheBurstAllowsAreRefused() {
			HalDevice device = start(Map.of("burst_frames", 2)).open();
			assertThat(failure(() -> device.capture(request(3), new RecordingSink())).errorCode())
				.isEqualTo(CameraErrorCode.INVALID_ARGUMENT);
		}

		@Test
		void aSizeTheCameraDoesNotOfferIsRefused() {
			HalDevice device = start(Map.of()).open();
			HalCaptureRequest unknown = new HalCaptureRequest(1, new Size(100, 100), PixelFormat.RAW_BAYER16, 1);
			assertThat(failure(() -> device.capture(unknown, new RecordingSink())).errorCode())
				.isEqualTo(CameraErrorCode.INVALID_ARGUMENT);
		}
	}

	@Nested
	class Scene {
		private SimulatedScene scene() {
			start(Map.of("black_level", 256, "iso", 1600));
			assertThat(framework.scenes()).hasSize(1);
			return framework.scenes().getFirst();
		}

		@Test
		void theCameraRegistersItsSceneBesideItself() {
			assertThat(scene().camera()).isEqualTo(camera.info());
		}

		@Test
		void theBurstIsRawAsTheSensorDeliversIt() {
			SceneBurst burst = scene().render(SIZE, 3);
			assertThat(burst.frames()).hasSize(3).allSatisfy(frame -> {
				assertThat(frame.format()).isEqualTo(PixelFormat.RAW_BAYER16);
				assertThat(frame.stride()).isEqualTo(128);
				assertThat(frame.metadata().blackLevel()).isEqualTo(256);
				assertThat(frame.metadata().iso()).isEqualTo(1600);
				assertThat(frame.metadata().bayerPattern()).isEqualTo(BayerPattern.RGGB);
			});
			assertThat(burst.frames().get(0).data()).isNotEqualTo(burst.frames().get(1).data());
		}

		@Test
		void theReferenceIsLinearRgbAboveBlackWithItsScaleInTheMetadata() {
			RawFrame reference = scene().render(SIZE, 1).reference();
			assertThat(reference.format()).isEqualTo(PixelFormat.RGB48_LINEAR);
			assertThat(reference.stride()).isEqualTo(64 * 6);
			assertThat(reference.data().limit()).isEqualTo(64 * 6 * 48);
			assertThat(reference.metadata().blackLevel()).isZero();
			assertThat(reference.metadata().whiteLevel()).isEqualTo(4095 - 256);
			assertThat(reference.metadata().bayerPattern()).isNull();
		}

		@Test
		void aBurstLongerThanTheCameraDeliversIsCutToItsBurst() {
			start(Map.of("burst_frames", 2));
			assertThat(framework.scenes().getFirst().render(SIZE, 4).frames()).hasSize(2);
		}

		@Test
		void aSizeTheCameraDoesNotOfferIsRefused() {
			SimulatedScene scene = scene();
			assertThat(failure(() -> scene.render(new Size(100, 100), 1)).errorCode())
				.isEqualTo(CameraErrorCode.INVALID_ARGUMENT);
		}

		@Test
		void renderingNeitherOpensTheCameraNorCountsAsACapture() {
			SimulatedScene scene = scene();
			camera.modified(FakeFramework.configuration(Map.of("fault_fail_capture", 1)));
			HalDevice device = camera.open();
			scene.render(SIZE, 1);
			assertThat(failure(() -> device.capture(request(1), new RecordingSink())).errorCode())
				.isEqualTo(CameraErrorCode.SERVICE_FATAL_ERROR);
		}

		@Test
		void theSceneGoesAwayWithTheCamera() throws InterruptedException {
			start(Map.of("fault_drop_capture", 1, "fault_drop_after_frames", 0, "fault_reattach_ms", -1));
			failure(() -> camera.open().capture(request(1), new RecordingSink()));
			framework.awaitUnregistrations(1);
			assertThat(framework.scenes()).isEmpty();
			camera.deactivate();
			camera = null;
			assertThat(framework.scenes()).isEmpty();
		}

		@Test
		void deactivationUnregistersTheScene() {
			start(Map.of()).deactivate();
			camera = null;
			assertThat(framework.scenes()).isEmpty();
		}
	}

	@Nested
	class Faults {
		@Test
		void theConfiguredCaptureFailsWithServiceFatalErrorBeforeAnyFrame() {
			HalDevice device = start(Map.of("fault_fail_capture", 2)).open();
			device.capture(request(1), new RecordingSink());
			RecordingSink failed = new RecordingSink();
			assertThat(failure(() -> device.capture(request(1), failed)).errorCode())
				.isEqualTo(CameraErrorCode.SERVICE_FATAL_ERROR);
			assertThat(failed.shutters).isEmpty();
			assertThat(failed.frames).isEmpty();
		}

		@Test
		void theCaptureAfterAFailureWorks() {
			HalDevice device = start(Map.of("fault_fail_capture", 1)).open();
			failure(() -> device.capture(request(1), new RecordingSink()));
			RecordingSink sink = new RecordingSink();
			device.capture(request(2), sink);
			assertThat(sink.frames).hasSize(2);
		}

		@Test
		void aDropDeliversSomeFramesThenFailsWithDeviceDisabledAndUnregisters() throws InterruptedException {
			HalDevice device = start(Map.of("fault_drop_capture", 1, "fault_drop_after_frames", 2,
					"fault_reattach_ms", -1)).open();
			RecordingSink sink = new RecordingSink();
			assertThat(failure(() -> device.capture(request(4), sink)).errorCode())
				.isEqualTo(CameraErrorCode.DEVICE_DISABLED);
			assertThat(sink.frames).hasSize(2);
			assertThat(failure(camera::open).errorCode()).isEqualTo(CameraErrorCode.DEVICE_DISABLED);
			framework.awaitUnregistrations(1);
			assertThat(framework.registered()).isEmpty();
		}

		@Test
		void aDroppedCameraComesBackAndCapturesAgain() throws InterruptedException {
			start(Map.of("fault_drop_capture", 1, "fault_drop_after_frames", 0, "fault_reattach_ms", 20));
			framework.awaitRegistrations(1);
			failure(() -> camera.open().capture(request(1), new RecordingSink()));
			framework.awaitRegistrations(1);
			RecordingSink sink = new RecordingSink();
			camera.open().capture(request(1), sink);
			assertThat(sink.frames).hasSize(1);
		}

		@Test
		void aTruncatedFrameEndsHalfWay() {
			RecordingSink sink = new RecordingSink();
			start(Map.of("fault_corrupt_capture", 1, "fault_corrupt_frame", 1)).open().capture(request(2), sink);
			assertThat(sink.frames.get(0).data().limit()).isEqualTo(64 * 2 * 48);
			assertThat(sink.frames.get(1).data().limit()).isEqualTo(64 * 2 * 24);
		}

		@Test
		void anOutOfRangeFrameHoldsSamplesAboveTheWhiteLevel() {
			RecordingSink sink = new RecordingSink();
			start(Map.of("fault_corrupt_capture", 1, "fault_corruption", Corruption.OUT_OF_RANGE)).open()
				.capture(request(1), sink);
			RawFrame frame = sink.frames.getFirst();
			int above = 0;
			for (int i = 0; i < frame.data().limit(); i += 2) {
				above += Short.toUnsignedInt(frame.data().getShort(i)) > frame.metadata().whiteLevel() ? 1 : 0;
			}
			assertThat(above).isGreaterThan(0);
		}

		@Test
		void closingTheDeviceEndsACaptureWaitingForItsFrameWithDeviceDisabled() throws Exception {
			HalDevice device = start(Map.of("readout_ms", 600_000)).open();
			RecordingSink sink = new RecordingSink();
			CompletableFuture<CameraException> capture =
					CompletableFuture.supplyAsync(() -> failure(() -> device.capture(request(1), sink)));
			sink.awaitShutter();
			device.close();
			assertThat(capture.get(10, TimeUnit.SECONDS).errorCode()).isEqualTo(CameraErrorCode.DEVICE_DISABLED);
		}

		@Test
		void aRejectedReconfigurationKeepsThePreviousSettings() {
			start(Map.of("iso", 400));
			camera.modified(FakeFramework.configuration(Map.of("iso", 1)));
			RecordingSink sink = new RecordingSink();
			camera.open().capture(request(1), sink);
			assertThat(sink.frames.getFirst().metadata().iso()).isEqualTo(400);
		}

		@Test
		void reconfiguringReArmsTheFaults() {
			HalDevice device = start(Map.of()).open();
			device.capture(request(1), new RecordingSink());
			camera.modified(FakeFramework.configuration(Map.of("fault_fail_capture", 1)));
			assertThat(failure(() -> device.capture(request(1), new RecordingSink())).errorCode())
				.isEqualTo(CameraErrorCode.SERVICE_FATAL_ERROR);
		}
	}

	@Nested
	class Lifecycle {
		@Test
		void deactivationEndsACaptureInProgressWithDeviceDisabled() throws Exception {
			HalDevice device = start(Map.of("readout_ms", 600_000)).open();
			RecordingSink sink = new RecordingSink();
			CompletableFuture<CameraException> capture =
					CompletableFuture.supplyAsync(() -> failure(() -> device.capture(request(1), sink)));
			sink.awaitShutter();
			camera.deactivate();
			camera = null;
			assertThat(capture.get(10, TimeUnit.SECONDS).errorCode()).isEqualTo(CameraErrorCode.DEVICE_DISABLED);
		}

		@Test
		void deactivationStopsEveryThreadTheCameraStarted() {
			start(Map.of("camera_id", "sim-threads")).open().capture(request(1), new RecordingSink());
			camera.deactivate();
			camera = null;
			assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
				.noneMatch(name -> name.startsWith("darkroom-sim-sim-threads"));
		}

		@Test
		void deactivationRightAfterADropLeavesNoServiceBehind() {
			HalDevice device = start(Map.of("fault_drop_capture", 1, "fault_drop_after_frames", 0)).open();
			failure(() -> device.capture(request(1), new RecordingSink()));
			camera.deactivate();
			camera = null;
			assertThat(framework.registered()).isEmpty();
		}

		@Test
		void deactivationUnregistersTheCamera() {
			start(Map.of()).deactivate();
			camera = null;
			assertThat(framework.registered()).isEmpty();
		}

		@Test
		void aNewIdentityRegistersTheCameraAgainAndDisconnectsItsDevice() {
			HalDevice device = start(Map.of()).open();
			camera.modified(FakeFramework.configuration(Map.of("camera_id", "sim-other")));
			assertThat(framework.registered()).containsExactly(camera);
			assertThat(camera.info().id()).isEqualTo("sim-other");
			assertThat(failure(() -> device.capture(request(1), new RecordingSink())).errorCode())
				.isEqualTo(CameraErrorCode.DEVICE_DISABLED);
		}
	}
}
