package camera.deferred.internal.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import camera.api.CameraErrorCode;
import camera.api.CameraException;
import camera.api.DeferredDeliveryImageType;
import camera.api.ImageRotation;
import camera.api.PhotoCaptureSetting;
import camera.api.QualityLevel;
import media.library.MediaQuality;

class CaptureFlowTest {
	private final Rig rig = new Rig();

	@AfterEach
	void stop() {
		rig.close();
	}

	@Nested
	class SinglePhase {
		@Test
		void firesStartShutterPhotoEndAndReadyInOrder() {
			rig.addCamera("sim-back", false);
			Rig.Setup setup = rig.configure("sim-back");
			EventRecorder events = EventRecorder.listenTo(setup.output());
			setup.commitAndStart();

			int id = setup.output().capture();

			assertThat(events.next(5)).containsExactly("start " + id, "shutter " + id, "photo " + id,
					"end " + id + " frames 3", "ready");
		}

		@Test
		void deliversAFullPhotoDevelopedFromTheWholeBurst() {
			rig.addCamera("sim-back", false);
			Rig.Setup setup = rig.configure("sim-back");
			EventRecorder events = EventRecorder.listenTo(setup.output());
			setup.commitAndStart();

			setup.output().capture();
			events.next(5);

			assertThat(events.photos.get(0).quality()).isEqualTo(MediaQuality.FULL);
			assertThat(events.photos.get(0).size()).isEqualTo(Fakes.SENSOR);
			assertThat(rig.developer.fullBurstSizes).containsExactly(3);
			assertThat(rig.engine.accepted).isEmpty();
		}

		@Test
		void encodesAtTheQualityOfTheSettingWithExifFromSettingCameraAndFrame() {
			rig.addCamera("sim-back", false);
			Rig.Setup setup = rig.configure("sim-back");
			EventRecorder events = EventRecorder.listenTo(setup.output());
			setup.commitAndStart();

			setup.output().capture(new PhotoCaptureSetting(QualityLevel.LOW, ImageRotation.ROTATION_90, true, null));
			events.next(5);

			assertThat(rig.codec.qualities).containsExactly(70);
			assertThat(rig.codec.exifs.get(0)).satisfies(exif -> {
				assertThat(exif.orientation()).isEqualTo(7);
				assertThat(exif.make()).isEqualTo("Darkroom");
				assertThat(exif.model()).isEqualTo("Fake sim-back");
				assertThat(exif.exposureNanos()).isEqualTo(10_000_000L);
				assertThat(exif.iso()).isEqualTo(200);
			});
		}

		@Test
		void aCameraWithoutDeferredSupportDeliversInOnePhaseEvenWithAnAssetListener() {
			rig.addCamera("sim-back", false);
			Rig.Setup setup = rig.configure("sim-back");
			EventRecorder events = EventRecorder.listenTo(setup.output()).alsoAssets(setup.output());
			setup.commitAndStart();

			int id = setup.output().capture();

			assertThat(events.next(5)).contains("photo " + id);
			assertThat(setup.output().isDeferredImageDeliveryEnabled(DeferredDeliveryImageType.PHOTO)).isFalse();
		}

		@Test
		void capturesGetIncreasingIdsAndKeepTheirOrder() {
			rig.addCamera("sim-back", false);
			Rig.Setup setup = rig.configure("sim-back");
			EventRecorder events = EventRecorder.listenTo(setup.output());
			setup.commitAndStart();

			int first = setup.output().capture();
			int second = setup.output().capture();

			assertThat(second).isGreaterThan(first);
			assertThat(events.next(10)).filteredOn(e -> e.startsWith("photo"))
				.containsExactly("photo " + first, "photo " + second);
		}
	}

	@Nested
	class DeferredAsset {
		@Test
		void firesStartShutterAssetEndAndReadyInOrder() {
			rig.addCamera("sim-back", true);
			Rig.Setup setup = rig.configure("sim-back");
			EventRecorder events = EventRecorder.listenTo(setup.output()).alsoAssets(setup.output());
			setup.commitAndStart();

			int id = setup.output().capture();

			assertThat(events.next(5)).containsExactly("start " + id, "shutter " + id, "asset job-1",
					"end " + id + " frames 3", "ready");
			assertThat(setup.output().isDeferredImageDeliveryEnabled(DeferredDeliveryImageType.PHOTO)).isTrue();
		}

		@Test
		void theBurstIsDurableBeforeTheAssetIsCreated() {
			rig.addCamera("sim-back", true);
			Rig.Setup setup = rig.configure("sim-back");
			EventRecorder events = EventRecorder.listenTo(setup.output()).alsoAssets(setup.output());
			setup.commitAndStart();

			setup.output().capture();
			events.next(5);

			assertThat(rig.calls).containsExactly("accept job-1", "createCameraAsset job-1");
			assertThat(rig.engine.accepted.get(0).frames()).hasSize(3);
			assertThat(rig.engine.accepted.get(0).camera().id()).isEqualTo("sim-back");
		}

		@Test
		void eachFrameGoesToTheSpoolBeforeTheCameraDeliversTheNext() {
			Fakes.Camera camera = rig.addCamera("sim-back", true);
			camera.beforeFrame = index -> rig.engine.timeline.add("camera delivers " + index);
			Rig.Setup setup = rig.configure("sim-back");
			EventRecorder events = EventRecorder.listenTo(setup.output()).alsoAssets(setup.output());
			setup.commitAndStart();

			setup.output().capture();
			events.next(5);

			assertThat(rig.engine.timeline).containsExactly("camera delivers 0", "spooled 0", "camera delivers 1",
					"spooled 1", "camera delivers 2", "spooled 2", "committed");
		}

		@Test
		void aCameraFailureAbandonsWhatTheSpoolTook() {
			Fakes.Camera camera = rig.addCamera("sim-back", true);
			camera.captureFailure = new CameraException(CameraErrorCode.SERVICE_FATAL_ERROR, "sensor broke");
			Rig.Setup setup = rig.configure("sim-back");
			EventRecorder events = EventRecorder.listenTo(setup.output()).alsoAssets(setup.output());
			setup.commitAndStart();

			int id = setup.output().capture();

			assertThat(events.next(2)).containsExactly("start " + id, "error SERVICE_FATAL_ERROR");
			assertThat(rig.calls).containsExactly("abandon");
		}

		@Test
		void anEngineThatTakesNoBurstDevelopsInlineAndSavesAFullAsset() {
			rig.addCamera("sim-back", true);
			rig.engine.refusesBursts = true;
			Rig.Setup setup = rig.configure("sim-back");
			EventRecorder events = EventRecorder.listenTo(setup.output()).alsoAssets(setup.output());
			setup.commitAndStart();

			int id = setup.output().capture();

			assertThat(events.next(5)).containsExactly("start " + id, "shutter " + id, "asset null",
					"end " + id + " frames 3", "ready");
			assertThat(rig.calls).containsExactly("createAsset", "applyChanges");
			assertThat(events.assets.get(0).quality()).isEqualTo(MediaQuality.FULL);
		}

		@Test
		void aTruncatedFrameIsLeftOutAndThePhotoIsMadeFromTheOthers() {
			Fakes.Camera camera = rig.addCamera("sim-back", true);
			camera.truncatedFrames = java.util.Set.of(0);
			Rig.Setup setup = rig.configure("sim-back");
			EventRecorder events = EventRecorder.listenTo(setup.output()).alsoAssets(setup.output());
			setup.commitAndStart();

			int id = setup.output().capture();

			assertThat(events.next(5)).containsExactly("start " + id, "shutter " + id, "asset job-1",
					"end " + id + " frames 2", "ready");
			assertThat(rig.engine.accepted.get(0).frames()).hasSize(2);
			assertThat(rig.engine.timeline).containsExactly("spooled 0", "spooled 1", "committed");
		}

		@Test
		void aBurstOfTruncatedFramesEndsWithAnErrorSayingWhy() {
			Fakes.Camera camera = rig.addCamera("sim-back", true);
			camera.truncatedFrames = java.util.Set.of(0, 1, 2);
			Rig.Setup setup = rig.configure("sim-back");
			EventRecorder events = EventRecorder.listenTo(setup.output()).alsoAssets(setup.output());
			setup.commitAndStart();

			int id = setup.output().capture();

			assertThat(events.next(3)).containsExactly("start " + id, "shutter " + id, "error SERVICE_FATAL_ERROR");
			assertThat(events.errors.get(0)).hasMessageContaining("no usable frame")
				.hasMessageContaining("frame 2 holds");
			assertThat(rig.calls).containsExactly("abandon");
		}

		@Test
		void theAssetHoldsTheFastImageOfOneFrame() {
			rig.addCamera("sim-back", true);
			Rig.Setup setup = rig.configure("sim-back");
			EventRecorder events = EventRecorder.listenTo(setup.output()).alsoAssets(setup.output());
			setup.commitAndStart();

			setup.output().capture();
			events.next(5);

			assertThat(rig.store.photos.get(0)).satisfies(photo -> {
				assertThat(photo.width()).isEqualTo(Fakes.SENSOR.width() / 2);
				assertThat(photo.fastImage()[2]).isEqualTo((byte) 80);
			});
			assertThat(rig.developer.fast).hasValue(1);
			assertThat(rig.developer.full).hasValue(0);
			assertThat(events.assets.get(0).quality()).isEqualTo(MediaQuality.FAST);
		}

		@Test
		void aFullSpoolDevelopsInlineAndSavesAFullAsset() {
			rig.addCamera("sim-back", true);
			rig.engine.spoolFull = true;
			Rig.Setup setup = rig.configure("sim-back");
			EventRecorder events = EventRecorder.listenTo(setup.output()).alsoAssets(setup.output());
			setup.commitAndStart();

			int id = setup.output().capture();

			assertThat(events.next(5)).containsExactly("start " + id, "shutter " + id, "asset null",
					"end " + id + " frames 3", "ready");
			assertThat(rig.calls).containsExactly("accept refused", "createAsset", "applyChanges");
			assertThat(rig.library.applied.get(0).imageBytes()).isPresent();
			assertThat(events.assets.get(0).quality()).isEqualTo(MediaQuality.FULL);
		}

		@Test
		void withoutTheEngineTheOutputDeliversInOnePhase() {
			rig.addCamera("sim-back", true);
			rig.servicesPresent = false;
			Rig.Setup setup = rig.configure("sim-back");
			EventRecorder events = EventRecorder.listenTo(setup.output()).alsoAssets(setup.output());
			setup.commitAndStart();

			int id = setup.output().capture();

			assertThat(events.next(5)).contains("photo " + id);
		}

		@Test
		void tellsTheEngineWhenCapturingStartsAndEnds() {
			rig.addCamera("sim-back", true);
			Rig.Setup setup = rig.configure("sim-back");
			EventRecorder events = EventRecorder.listenTo(setup.output()).alsoAssets(setup.output());
			setup.commitAndStart();

			setup.output().capture();
			events.next(5);
			setup.session().release();

			assertThat(rig.engine.activity).containsExactly(true, false);
		}

		@Test
		void aPhotoListenerRegisteredWhileRunningLeavesAssetDeliveryInEffect() {
			rig.addCamera("sim-back", true);
			Rig.Setup setup = rig.configure("sim-back");
			EventRecorder events = new EventRecorder().alsoAssets(setup.output());
			setup.commitAndStart();
			EventRecorder late = EventRecorder.listenTo(setup.output());

			setup.output().capture();

			assertThat(events.next(1)).containsExactly("asset job-1");
			assertThat(late.next(4)).containsExactly("start 1", "shutter 1", "end 1 frames 3", "ready");
		}
	}

	@Nested
	class DeferredProxy {
		@Test
		void firesStartShutterProxyEndAndReadyInOrder() {
			rig.addCamera("sim-back", true);
			Rig.Setup setup = rig.configure("sim-back");
			setup.output().deferImageDelivery(DeferredDeliveryImageType.PHOTO);
			EventRecorder events = EventRecorder.listenTo(setup.output());
			setup.commitAndStart();

			int id = setup.output().capture();

			assertThat(events.next(5)).containsExactly("start " + id, "shutter " + id, "proxy job-1",
					"end " + id + " frames 3", "ready");
		}

		@Test
		void theProxyCarriesTheFastImageAndAThumbnailAtOnce() {
			rig.addCamera("sim-back", true);
			Rig.Setup setup = rig.configure("sim-back");
			setup.output().deferImageDelivery(DeferredDeliveryImageType.PHOTO);
			EventRecorder events = EventRecorder.listenTo(setup.output());
			setup.commitAndStart();

			setup.output().capture();
			events.next(5);

			assertThat(events.proxies.get(0)).satisfies(proxy -> {
				assertThat(proxy.photoId()).isEqualTo("job-1");
				assertThat(proxy.quality()).isEqualTo(MediaQuality.FAST);
				assertThat(proxy.imageData()).startsWith((byte) 0xff, (byte) 0xd8);
				assertThat(proxy.getThumbnail().jpeg()).isNotEmpty();
			});
			assertThat(rig.calls).containsExactly("accept job-1");
		}

		@Test
		void deferringNullOrAnUnsupportedTypeIsAnInvalidArgument() {
			rig.addCamera("sim-back", true);
			rig.addCamera("v4l2-video0", false);
			Rig.Setup plain = rig.configure("v4l2-video0");
			Rig.Setup deferred = rig.configure("sim-back");

			CameraErrors.assertFailsWith(CameraErrorCode.INVALID_ARGUMENT,
					() -> deferred.output().deferImageDelivery(null));
			CameraErrors.assertFailsWith(CameraErrorCode.INVALID_ARGUMENT,
					() -> plain.output().deferImageDelivery(DeferredDeliveryImageType.PHOTO));
		}

		@Test
		void deferringNoneBeforeCommitOptsAnAssetListenerOutOfDeferredDelivery() {
			rig.addCamera("sim-back", true);
			Rig.Setup setup = rig.configure("sim-back");
			EventRecorder events = EventRecorder.listenTo(setup.output()).alsoAssets(setup.output());
			setup.output().deferImageDelivery(DeferredDeliveryImageType.NONE);
			setup.commitAndStart();

			int id = setup.output().capture();

			assertThat(events.next(5)).containsExactly("start " + id, "shutter " + id, "photo " + id,
					"end " + id + " frames 3", "ready");
			assertThat(setup.output().isDeferredImageDeliveryEnabled(DeferredDeliveryImageType.PHOTO)).isFalse();
			assertThat(rig.engine.accepted).isEmpty();
		}

		@Test
		void deferringNoneAfterPhotoTakesTheLastWord() {
			rig.addCamera("sim-back", true);
			Rig.Setup setup = rig.configure("sim-back");
			setup.output().deferImageDelivery(DeferredDeliveryImageType.PHOTO);
			setup.output().deferImageDelivery(DeferredDeliveryImageType.NONE);

			setup.session().commitConfig();

			assertThat(setup.output().isDeferredImageDeliveryEnabled(DeferredDeliveryImageType.PHOTO)).isFalse();
		}

		@Test
		void deferringNoneAfterCommitTakesEffectOnlyAtTheNextCommit() {
			rig.addCamera("sim-back", true);
			Rig.Setup setup = rig.configure("sim-back");
			setup.output().deferImageDelivery(DeferredDeliveryImageType.PHOTO);
			setup.session().commitConfig();

			setup.output().deferImageDelivery(DeferredDeliveryImageType.NONE);

			assertThat(setup.output().isDeferredImageDeliveryEnabled(DeferredDeliveryImageType.PHOTO)).isTrue();
			setup.session().beginConfig();
			setup.session().commitConfig();
			assertThat(setup.output().isDeferredImageDeliveryEnabled(DeferredDeliveryImageType.PHOTO)).isFalse();
		}

		@Test
		void deferringAfterCommitTakesEffectOnlyAtTheNextCommit() {
			rig.addCamera("sim-back", true);
			Rig.Setup setup = rig.configure("sim-back");
			setup.session().commitConfig();

			setup.output().deferImageDelivery(DeferredDeliveryImageType.PHOTO);

			assertThat(setup.output().isDeferredImageDeliveryEnabled(DeferredDeliveryImageType.PHOTO)).isFalse();
			setup.session().beginConfig();
			setup.session().commitConfig();
			assertThat(setup.output().isDeferredImageDeliveryEnabled(DeferredDeliveryImageType.PHOTO)).isTrue();
		}
	}

	@Nested
	class Output {
		@Test
		void captureStartCarriesAnEstimatedTimeFromTheFirstCaptureOn() {
			rig.addCamera("sim-back", true);
			Rig.Setup setup = rig.configure("sim-back");
			List<Long> times = new CopyOnWriteArrayList<>();
			setup.output().onCaptureStartWithInfo(info -> times.add(info.time()));
			EventRecorder events = EventRecorder.listenTo(setup.output()).alsoAssets(setup.output());
			setup.commitAndStart();

			setup.output().capture();
			events.next(5);
			setup.output().capture();
			events.next(5);

			assertThat(times).hasSize(2).allSatisfy(time -> assertThat(time).isNotNegative());
			assertThat(times.getFirst()).isEqualTo(CaptureTimes.NOMINAL_FRAME_MILLIS * 3);
		}

		@Test
		void aNullSettingIsAnInvalidArgument() {
			rig.addCamera("sim-back", true);
			Rig.Setup setup = rig.configure("sim-back").commitAndStart();

			CameraErrors.assertFailsWith(CameraErrorCode.INVALID_ARGUMENT, () -> setup.output().capture(null));
		}

		@Test
		void aReleasedOutputAllowsNothing() {
			rig.addCamera("sim-back", true);
			Rig.Setup setup = rig.configure("sim-back").commitAndStart();
			setup.output().release();

			CameraErrors.assertFailsWith(CameraErrorCode.OPERATION_NOT_ALLOWED, setup.output()::capture);
			CameraErrors.assertFailsWith(CameraErrorCode.OPERATION_NOT_ALLOWED,
					() -> setup.output().onCaptureReady(() -> {
					}));
		}

		@Test
		void aClosedRegistrationHearsNothingMore() {
			rig.addCamera("sim-back", false);
			Rig.Setup setup = rig.configure("sim-back");
			EventRecorder events = EventRecorder.listenTo(setup.output());
			CountDownLatch heard = new CountDownLatch(1);
			setup.output().onCaptureEnd(info -> heard.countDown()).close();
			setup.commitAndStart();

			setup.output().capture();
			events.next(5);

			assertThat(heard.getCount()).isEqualTo(1);
		}

		@Test
		void aFailingListenerDoesNotStopTheOtherEvents() {
			rig.addCamera("sim-back", false);
			Rig.Setup setup = rig.configure("sim-back");
			setup.output().onCaptureStartWithInfo(info -> {
				throw new IllegalStateException("a broken listener");
			});
			EventRecorder events = EventRecorder.listenTo(setup.output());
			setup.commitAndStart();

			int id = setup.output().capture();

			assertThat(events.next(5)).endsWith("ready").contains("photo " + id);
		}
	}

	@Nested
	class Failures {
		@Test
		void aSensorFailureFiresAnErrorInsteadOfThePhoto() {
			Fakes.Camera camera = rig.addCamera("sim-back", true);
			camera.captureFailure = new CameraException(CameraErrorCode.SERVICE_FATAL_ERROR, "sensor broke");
			Rig.Setup setup = rig.configure("sim-back");
			EventRecorder events = EventRecorder.listenTo(setup.output()).alsoAssets(setup.output());
			setup.commitAndStart();

			int id = setup.output().capture();

			assertThat(events.next(2)).containsExactly("start " + id, "error SERVICE_FATAL_ERROR");
			assertThat(rig.engine.accepted).isEmpty();
		}

		@Test
		void aLibraryFailureAfterTheBurstIsDurableFiresAnErrorInsteadOfTheAsset() {
			rig.addCamera("sim-back", true);
			rig.store.failure = new media.library.MediaLibraryException(media.library.MediaLibraryErrorCode.IO_ERROR,
					"disk broke");
			Rig.Setup setup = rig.configure("sim-back");
			EventRecorder events = EventRecorder.listenTo(setup.output()).alsoAssets(setup.output());
			setup.commitAndStart();

			int id = setup.output().capture();

			assertThat(events.next(3)).containsExactly("start " + id, "shutter " + id, "error SERVICE_FATAL_ERROR");
			assertThat(events.errors.get(0)).hasMessageContaining("disk broke");
		}

		@Test
		void anEngineGoneAfterCommitHandsOverAFullProxy() {
			rig.addCamera("sim-back", true);
			Rig.Setup setup = rig.configure("sim-back");
			setup.output().deferImageDelivery(DeferredDeliveryImageType.PHOTO);
			EventRecorder events = EventRecorder.listenTo(setup.output()).alsoAssets(setup.output());
			setup.commitAndStart();
			rig.servicesPresent = false;

			int id = setup.output().capture();

			assertThat(events.next(5)).hasSize(5).contains("start " + id, "shutter " + id, "end " + id + " frames 3");
			assertThat(events.proxies).singleElement()
				.satisfies(proxy -> assertThat(proxy.quality()).isEqualTo(MediaQuality.FULL));
			assertThat(rig.calls).doesNotContain("createAsset", "applyChanges");
		}

		@Test
		void aFullSpoolHandsOverAFullProxyWithItsFinalImageAndAThumbnail() {
			rig.addCamera("sim-back", true);
			rig.engine.spoolFull = true;
			Rig.Setup setup = rig.configure("sim-back");
			setup.output().deferImageDelivery(DeferredDeliveryImageType.PHOTO);
			EventRecorder events = EventRecorder.listenTo(setup.output()).alsoAssets(setup.output());
			setup.commitAndStart();

			int id = setup.output().capture();

			assertThat(events.next(5)).hasSize(5).contains("start " + id, "shutter " + id, "end " + id + " frames 3")
				.noneMatch(event -> event.startsWith("asset"));
			assertThat(rig.calls).containsExactly("accept refused");
			assertThat(events.proxies).singleElement().satisfies(proxy -> {
				assertThat(proxy.quality()).isEqualTo(MediaQuality.FULL);
				assertThat(proxy.photoId()).isNotBlank().doesNotStartWith("job-");
				assertThat(proxy.imageData()).startsWith((byte) 0xff, (byte) 0xd8);
				assertThat(proxy.getThumbnail().jpeg()).isNotEmpty();
			});
		}
	}

	@Nested
	class HalRemoval {
		@Test
		void theSessionAndTheInputHearThatTheCameraIsDisabled() {
			Fakes.Camera camera = rig.addCamera("sim-back", true);
			Rig.Setup setup = rig.configure("sim-back").commitAndStart();
			java.util.concurrent.BlockingQueue<CameraErrorCode> errors = new java.util.concurrent.LinkedBlockingQueue<>();
			setup.session().onError(e -> errors.add(e.errorCode()));
			setup.input().onError(e -> errors.add(e.errorCode()));

			rig.framework.cameraRemoved(camera);

			assertThat(List.of(take(errors), take(errors))).containsOnly(CameraErrorCode.DEVICE_DISABLED);
			assertThat(camera.closed).hasValue(1);
			CameraErrors.assertFailsWith(CameraErrorCode.SESSION_NOT_RUNNING, setup.output()::capture);
		}

		@Test
		void aCaptureInFlightFailsWithAnErrorEvent() {
			Fakes.Camera camera = rig.addCamera("sim-back", true);
			CountDownLatch release = new CountDownLatch(1);
			camera.holdCapture = release;
			camera.captureFailure = new CameraException(CameraErrorCode.DEVICE_DISABLED, "camera went away");
			Rig.Setup setup = rig.configure("sim-back");
			EventRecorder events = EventRecorder.listenTo(setup.output()).alsoAssets(setup.output());
			setup.commitAndStart();

			int id = setup.output().capture();
			int queued = setup.output().capture();
			Fakes.await(camera.captureHeld);
			rig.framework.cameraRemoved(camera);
			release.countDown();

			assertThat(events.next(3)).containsExactly("start " + id, "error DEVICE_DISABLED",
					"error DEVICE_DISABLED");
			assertThat(queued).isGreaterThan(id);
		}

		@Test
		void aCameraThatComesBackIsUsableAtOnce() {
			Fakes.Camera camera = rig.addCamera("sim-back", true);
			Rig.Setup setup = rig.configure("sim-back");
			EventRecorder events = EventRecorder.listenTo(setup.output()).alsoAssets(setup.output());
			setup.commitAndStart();
			rig.framework.cameraRemoved(camera);
			Fakes.Camera back = rig.addCamera("sim-back", true);

			setup.input().open();
			setup.session().start();
			int id = setup.output().capture();

			assertThat(events.next(5)).contains("asset job-1", "end " + id + " frames 3");
			assertThat(back.opened).hasValue(1);
		}

		@Test
		void aReplacementRegisteredBeforeTheOldServiceWentAwayStillEndsTheOldSession() {
			Fakes.Camera old = rig.addCamera("sim-back", true);
			Rig.Setup setup = rig.configure("sim-back").commitAndStart();
			java.util.concurrent.BlockingQueue<CameraErrorCode> errors = new java.util.concurrent.LinkedBlockingQueue<>();
			setup.session().onError(e -> errors.add(e.errorCode()));

			rig.addCamera("sim-back", true);
			rig.framework.cameraRemoved(old);

			assertThat(take(errors)).isEqualTo(CameraErrorCode.DEVICE_DISABLED);
			assertThat(rig.framework.getSupportedCameras()).extracting(c -> c.cameraId()).containsExactly("sim-back");
		}

		@Test
		void anotherHalsCameraIsNotAffected() {
			rig.addCamera("sim-back", true);
			Fakes.Camera other = rig.addCamera("v4l2-video0", false);
			Rig.Setup setup = rig.configure("sim-back");
			EventRecorder events = EventRecorder.listenTo(setup.output()).alsoAssets(setup.output());
			setup.commitAndStart();

			rig.framework.cameraRemoved(other);
			int id = setup.output().capture();

			assertThat(events.next(5)).contains("asset job-1", "end " + id + " frames 3");
		}

		private CameraErrorCode take(java.util.concurrent.BlockingQueue<CameraErrorCode> errors) {
			try {
				CameraErrorCode code = errors.poll(30, java.util.concurrent.TimeUnit.SECONDS);
				assertThat(code).as("an error event").isNotNull();
				return code;
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
		}
	}
}
