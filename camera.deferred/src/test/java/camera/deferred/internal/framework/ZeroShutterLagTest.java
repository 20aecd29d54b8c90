package camera.deferred.internal.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import camera.api.CaptureTimingEvents;
import camera.api.FrameShutterInfo;
import media.library.MediaQuality;

/** Captures on a camera that streams take their frames from the input's ring and give them back when delivered. */
class ZeroShutterLagTest {
	private final Rig rig = new Rig();

	@AfterEach
	void stop() {
		rig.close();
	}

	private Fakes.Camera streamingCamera() {
		Fakes.Camera camera = rig.addCamera("sim-back", false);
		camera.streams = true;
		return camera;
	}

	@Test
	void startingTheSessionStartsTheStreamOfTheOutputsSensorProfile() {
		Fakes.Camera camera = streamingCamera();
		rig.configure("sim-back").commitAndStart();

		assertThat(camera.streamRequests).singleElement()
			.satisfies(request -> assertThat(request.size()).isEqualTo(Fakes.SENSOR));
	}

	@Test
	void aCaptureTakesItsBurstFromTheRingWithoutAskingTheCamera() {
		Fakes.Camera camera = streamingCamera();
		Rig.Setup setup = rig.configure("sim-back");
		EventRecorder events = EventRecorder.listenTo(setup.output());
		setup.commitAndStart();
		long now = System.nanoTime();
		for (int i = 3; i >= 1; i--) {
			camera.stream(now - TimeUnit.MILLISECONDS.toNanos(10 * i));
		}

		int id = setup.output().capture();

		assertThat(events.next(5)).containsExactly("start " + id, "shutter " + id, "photo " + id,
				"end " + id + " frames 3", "ready");
		assertThat(camera.requests).isEmpty();
		assertThat(events.photos.getFirst().quality()).isEqualTo(MediaQuality.FULL);
		assertThat(rig.developer.fullBurstSizes).containsExactly(3);
	}

	@Test
	void theShutterIsTheTimeOfTheFrameNearestThePressBeforeIt() {
		Fakes.Camera camera = streamingCamera();
		Rig.Setup setup = rig.configure("sim-back");
		List<FrameShutterInfo> shutters = new CopyOnWriteArrayList<>();
		setup.output().onFrameShutter(shutters::add);
		EventRecorder events = EventRecorder.listenTo(setup.output());
		setup.commitAndStart();
		long now = System.nanoTime();
		camera.stream(now - TimeUnit.SECONDS.toNanos(3));
		camera.stream(now - TimeUnit.SECONDS.toNanos(2));
		camera.stream(now - TimeUnit.SECONDS.toNanos(1));

		long pressedAt = System.currentTimeMillis();
		setup.output().capture();
		events.next(5);

		// the newest frame is a second before the press: the shutter lag is about minus one second
		assertThat(shutters.getFirst().timestamp() - pressedAt).isBetween(-1500L, -500L);
	}

	@Test
	void framesAreGivenBackOnceThePhotoIsDeliveredAndTheRingKeepsOnlyItsDepth() {
		Fakes.Camera camera = streamingCamera();
		Rig.Setup setup = rig.configure("sim-back");
		EventRecorder events = EventRecorder.listenTo(setup.output());
		setup.commitAndStart();
		for (int i = 0; i < 5; i++) {
			camera.stream(System.nanoTime());
		}
		assertThat(camera.lent).hasValue(3);

		setup.output().capture();
		events.next(5);

		assertThat(camera.lent).hasValue(0);
	}

	@Test
	void aDeferredCaptureFromTheRingIsSpooledAndGivesItsFramesBack() {
		Fakes.Camera camera = rig.addCamera("sim-back", true);
		camera.streams = true;
		Rig.Setup setup = rig.configure("sim-back");
		EventRecorder events = EventRecorder.listenTo(setup.output()).alsoAssets(setup.output());
		setup.commitAndStart();
		for (int i = 0; i < 3; i++) {
			camera.stream(System.nanoTime());
		}

		int id = setup.output().capture();

		assertThat(events.next(5)).contains("asset job-1", "end " + id + " frames 3");
		assertThat(rig.engine.accepted).hasSize(1);
		assertThat(camera.lent).hasValue(0);
	}

	@Test
	void aDeliveredPhotoPostsWhereItsTimeWentStageByStage() {
		Fakes.Camera camera = rig.addCamera("sim-back", true);
		camera.streams = true;
		Rig.Setup setup = rig.configure("sim-back");
		EventRecorder events = EventRecorder.listenTo(setup.output()).alsoAssets(setup.output());
		setup.commitAndStart();
		long before = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(50);
		for (int i = 0; i < 3; i++) {
			camera.stream(before + i);
		}

		int id = setup.output().capture();
		events.next(5);

		assertThat(rig.timings).singleElement().satisfies(timing -> {
			assertThat(timing).containsEntry(CaptureTimingEvents.CAPTURE_ID, id)
				.containsEntry(CaptureTimingEvents.CAMERA_ID, "sim-back")
				.containsEntry(CaptureTimingEvents.DELIVERY, CaptureTimingEvents.DEFERRED_ASSET)
				.containsKeys(CaptureTimingEvents.WAIT_FOR_FRAME_NANOS, CaptureTimingEvents.DEVELOP_NANOS,
						CaptureTimingEvents.ENCODE_NANOS, CaptureTimingEvents.SPOOL_WRITE_NANOS,
						CaptureTimingEvents.ASSET_WRITE_NANOS);
			assertThat((Long) timing.get(CaptureTimingEvents.SHUTTER_LAG_NANOS)).isNegative();
			assertThat((Long) timing.get(CaptureTimingEvents.TOTAL_NANOS))
				.isGreaterThanOrEqualTo((Long) timing.get(CaptureTimingEvents.ASSET_WRITE_NANOS));
		});
	}

	@Test
	void aSinglePhasePhotoHasNoSpoolOrAssetStage() {
		Fakes.Camera camera = streamingCamera();
		Rig.Setup setup = rig.configure("sim-back");
		EventRecorder events = EventRecorder.listenTo(setup.output());
		setup.commitAndStart();
		for (int i = 0; i < 3; i++) {
			camera.stream(System.nanoTime());
		}

		setup.output().capture();
		events.next(5);

		assertThat(rig.timings).singleElement().satisfies(timing -> {
			assertThat(timing).containsEntry(CaptureTimingEvents.DELIVERY, CaptureTimingEvents.SINGLE_PHASE)
				.containsKeys(CaptureTimingEvents.DEVELOP_NANOS, CaptureTimingEvents.TOTAL_NANOS)
				.doesNotContainKeys(CaptureTimingEvents.SPOOL_WRITE_NANOS, CaptureTimingEvents.ASSET_WRITE_NANOS);
		});
	}

	@Test
	void stoppingTheSessionStopsTheStreamAndGivesTheRingsFramesBack() {
		Fakes.Camera camera = streamingCamera();
		Rig.Setup setup = rig.configure("sim-back").commitAndStart();
		camera.stream(System.nanoTime());
		camera.stream(System.nanoTime());

		setup.session().stop();

		assertThat(camera.streamsClosed).hasValue(1);
		assertThat(camera.lent).hasValue(0);
	}

	@Test
	void aCameraConfiguredOffCapturesOnRequest() {
		rig.settings = new FrameworkSettings(16, Duration.ofSeconds(10), 3, 0, Set.of("sim-back"));
		Fakes.Camera camera = streamingCamera();
		Rig.Setup setup = rig.configure("sim-back");
		EventRecorder events = EventRecorder.listenTo(setup.output());
		setup.commitAndStart();

		setup.output().capture();
		events.next(5);

		assertThat(camera.streamRequests).isEmpty();
		assertThat(camera.requests).hasSize(1);
	}

	@Test
	void aFailedDevelopmentStillGivesTheFramesBack() {
		Fakes.Camera camera = streamingCamera();
		rig.developer.failFull = true;
		Rig.Setup setup = rig.configure("sim-back");
		EventRecorder events = EventRecorder.listenTo(setup.output());
		setup.commitAndStart();
		for (int i = 0; i < 3; i++) {
			camera.stream(System.nanoTime());
		}

		int id = setup.output().capture();

		assertThat(events.next(3)).contains("error SERVICE_FATAL_ERROR");
		assertThat(camera.lent).hasValue(0);
		assertThat(id).isPositive();
	}
}
