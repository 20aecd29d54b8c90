package camera.itest.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import camera.api.CameraDevice;
import camera.api.CameraErrorCode;
import camera.api.CameraException;
import camera.api.CameraInput;
import camera.api.CameraManager;
import camera.api.DeferredDeliveryImageType;
import camera.api.DeferredPhotoProxy;
import camera.api.Photo;
import camera.api.PhotoOutput;
import camera.api.PhotoSession;
import camera.api.Profile;
import camera.api.SceneMode;
import camera.api.hal.HalCamera;
import camera.api.hal.HalCameraProperties;
import media.library.ImageFileType;
import media.library.MediaAssetChangeRequest;
import media.library.MediaQuality;
import media.library.PhotoAccessHelper;
import media.library.PhotoAsset;
import media.library.ResourceType;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Whole captures through the real CameraManager, the simulated camera, the deferred engine and the media library,
 * in each of the three delivery modes, and across a restart of the simulated camera's bundle.
 */
@ExtendWith({ BundleContextExtension.class, ServiceExtension.class })
class CaptureFlowTest {
	private static final String CAMERA = "sim-back";
	private static final long WAIT_SECONDS = 60;

	@InjectService(timeout = 20_000)
	CameraManager cameras;
	@InjectService(timeout = 20_000)
	PhotoAccessHelper library;
	@InjectBundleContext
	BundleContext context;

	private final List<PhotoSession> sessions = new ArrayList<>();

	@AfterEach
	void releaseSessions() {
		sessions.forEach(PhotoSession::release);
	}

	private CameraDevice camera() {
		awaitCamera();
		return cameras.getSupportedCameras()
			.stream()
			.filter(c -> c.cameraId().equals(CAMERA))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + CAMERA + " among " + cameras.getSupportedCameras()));
	}

	/** The smallest profile keeps the flows quick. */
	private Profile smallestProfile() {
		return cameras.getSupportedOutputCapability(camera(), SceneMode.NORMAL_PHOTO)
			.photoProfiles()
			.stream()
			.min(Comparator.comparingLong(p -> p.size().pixels()))
			.orElseThrow();
	}

	private record Setup(PhotoSession session, CameraInput input, PhotoOutput output, Events events) {
	}

	/** Configures a session the way an app does; {@code beforeCommit} registers what decides the delivery. */
	private Setup configure(java.util.function.Consumer<Setup> beforeCommit) {
		PhotoSession session = cameras.createSession(SceneMode.NORMAL_PHOTO);
		sessions.add(session);
		CameraInput input = cameras.createCameraInput(camera());
		input.open();
		PhotoOutput output = cameras.createPhotoOutput(smallestProfile());
		session.beginConfig();
		session.addInput(input);
		session.addOutput(output);
		Setup setup = new Setup(session, input, output, Events.of(output));
		beforeCommit.accept(setup);
		session.commitConfig();
		session.start();
		return setup;
	}

	@Nested
	class SinglePhase {
		@Test
		void photoAvailableDeliversAFullJpegAfterStartAndShutter() {
			Setup setup = configure(s -> {
			});

			int id = setup.output().capture();

			assertThat(setup.events().next(5)).containsExactly("start " + id, "shutter " + id, "photo " + id,
					"end " + id, "ready");
			Photo photo = setup.events().photos.getFirst();
			assertThat(photo.quality()).isEqualTo(MediaQuality.FULL);
			assertThat(photo.jpeg()).startsWith((byte) 0xff, (byte) 0xd8);
			assertThat(setup.output().isDeferredImageDeliveryEnabled(DeferredDeliveryImageType.PHOTO)).isFalse();
		}
	}

	@Nested
	class DeferredAsset {
		@Test
		void photoAssetAvailableDeliversAPendingFastAssetTiedToAJob() {
			Setup setup = configure(s -> s.events().listenForAssets(s.output()));

			int id = setup.output().capture();

			assertThat(setup.events().next(5)).containsExactly("start " + id, "shutter " + id, "asset", "end " + id,
					"ready");
			PhotoAsset asset = setup.events().assets.getFirst();
			assertThat(asset.quality()).isEqualTo(MediaQuality.FAST);
			assertThat(asset.pending()).isTrue();
			assertThat(asset.deferredJob()).isPresent();
			assertThat(setup.output().isDeferredImageDeliveryEnabled(DeferredDeliveryImageType.PHOTO)).isTrue();
		}

		@Test
		void theAppSavesTheAssetWithSaveCameraPhoto() {
			Setup setup = configure(s -> s.events().listenForAssets(s.output()));

			setup.output().capture();
			setup.events().next(5);
			PhotoAsset saved = library.applyChanges(
					new MediaAssetChangeRequest(setup.events().assets.getFirst()).saveCameraPhoto(ImageFileType.JPEG));

			assertThat(saved.pending()).isFalse();
			assertThat(library.getAsset(saved.uri())).isPresent();
		}
	}

	@Nested
	class DeferredProxy {
		@Test
		void deferredPhotoProxyAvailableDeliversAJobAndAThumbnailTheAppSaves() {
			Setup setup = configure(s -> s.output().deferImageDelivery(DeferredDeliveryImageType.PHOTO));

			int id = setup.output().capture();

			assertThat(setup.events().next(5)).containsExactly("start " + id, "shutter " + id, "proxy", "end " + id,
					"ready");
			DeferredPhotoProxy proxy = setup.events().proxies.getFirst();
			assertThat(proxy.getThumbnail().jpeg()).startsWith((byte) 0xff, (byte) 0xd8);
			assertThat(proxy.getThumbnail().size().width()).isLessThan(proxy.width() + 1);
			PhotoAsset created = library.createAsset("proxy-" + System.nanoTime() + ".jpg");
			PhotoAsset saved = library
				.applyChanges(new MediaAssetChangeRequest(created).addResource(ResourceType.PHOTO_PROXY, proxy));
			assertThat(saved.deferredJob()).contains(proxy.photoId());
		}
	}

	@Nested
	class HalRestart {
		@Test
		void stoppingTheSimulatedCameraEndsTheSessionAndItsRestartMakesTheCameraUsableAgain() throws Exception {
			Setup setup = configure(s -> s.events().listenForAssets(s.output()));
			BlockingQueue<CameraErrorCode> sessionErrors = new LinkedBlockingQueue<>();
			setup.session().onError(e -> sessionErrors.add(e.errorCode()));
			Bundle hal = simulatedCameraBundle();

			hal.stop();
			try {
				assertThat(sessionErrors.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(CameraErrorCode.DEVICE_DISABLED);
				assertThat(cameras.getSupportedCameras()).extracting(CameraDevice::cameraId).doesNotContain(CAMERA);
			} finally {
				hal.start();
			}
			awaitCamera();
			setup.input().open();
			setup.session().start();
			int id = setup.output().capture();

			assertThat(setup.events().next(5)).containsExactly("start " + id, "shutter " + id, "asset", "end " + id,
					"ready");
		}

		private Bundle simulatedCameraBundle() {
			ServiceTracker<HalCamera, HalCamera> tracker = new ServiceTracker<>(context, HalCamera.class, null);
			tracker.open();
			try {
				return java.util.Arrays.stream(tracker.getServiceReferences())
					.filter(r -> CAMERA.equals(r.getProperty(HalCameraProperties.CAMERA_ID)))
					.map(r -> r.getBundle())
					.findFirst()
					.orElseThrow(() -> new AssertionError("no HalCamera service for " + CAMERA));
			} finally {
				tracker.close();
			}
		}
	}

	@Test
	void capturingOnAStoppedSessionIsNotRunning() {
		Setup setup = configure(s -> {
		});
		setup.session().stop();

		try {
			setup.output().capture();
			throw new AssertionError("capture on a stopped session succeeded");
		} catch (CameraException e) {
			assertThat(e.errorCode()).isEqualTo(CameraErrorCode.SESSION_NOT_RUNNING);
		}
	}

	private void awaitCamera() {
		ServiceTracker<HalCamera, HalCamera> tracker = new ServiceTracker<>(context, HalCamera.class, null);
		tracker.open();
		try {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
			while (cameras.getSupportedCameras().stream().noneMatch(c -> c.cameraId().equals(CAMERA))) {
				if (System.nanoTime() > deadline) {
					throw new AssertionError("camera " + CAMERA + " did not come up");
				}
				tracker.waitForService(200);
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		} finally {
			tracker.close();
		}
	}

	/** The events of one output as lines of text, in the order they came. */
	static final class Events {
		private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
		final List<Photo> photos = new java.util.concurrent.CopyOnWriteArrayList<>();
		final List<PhotoAsset> assets = new java.util.concurrent.CopyOnWriteArrayList<>();
		final List<DeferredPhotoProxy> proxies = new java.util.concurrent.CopyOnWriteArrayList<>();

		static Events of(PhotoOutput output) {
			Events events = new Events();
			output.onCaptureStartWithInfo(info -> events.lines.add("start " + info.captureId()));
			output.onFrameShutter(info -> events.lines.add("shutter " + info.captureId()));
			output.onPhotoAvailable(photo -> {
				events.photos.add(photo);
				events.lines.add("photo " + photo.captureId());
			});
			output.onDeferredPhotoProxyAvailable(proxy -> {
				events.proxies.add(proxy);
				events.lines.add("proxy");
			});
			output.onCaptureEnd(info -> events.lines.add("end " + info.captureId()));
			output.onCaptureReady(() -> events.lines.add("ready"));
			output.onError(error -> events.lines.add("error " + error.errorCode() + ": " + error.getMessage()));
			return events;
		}

		void listenForAssets(PhotoOutput output) {
			output.onPhotoAssetAvailable(asset -> {
				assets.add(asset);
				lines.add("asset");
			});
		}

		List<String> next(int count) {
			List<String> taken = new ArrayList<>();
			try {
				for (int i = 0; i < count; i++) {
					String line = lines.poll(WAIT_SECONDS, TimeUnit.SECONDS);
					if (line == null) {
						throw new AssertionError("only these events came: " + taken);
					}
					taken.add(line);
				}
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
			return taken;
		}
	}
}
