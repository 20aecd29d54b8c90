package camera.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import camera.api.CameraDevice;
import camera.api.CameraInput;
import camera.api.CameraManager;
import camera.api.DeferredJobEvents;
import camera.api.DeferredProcessing;
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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * The deferred engine inside the real platform: deferred photos from the simulated camera through the library,
 * its EventAdmin timeline, the library's priority requests, and its conditions configured through ConfigAdmin.
 */
@ExtendWith({ BundleContextExtension.class, ServiceExtension.class })
class DeferredEngineIT {
	private static final long WAIT_SECONDS = 60;

	@InjectService(timeout = 20_000)
	CameraManager cameras;
	@InjectService(timeout = 20_000)
	PhotoAccessHelper library;
	@InjectService(timeout = 20_000)
	MediaAssetManager assets;
	@InjectService(timeout = 20_000)
	DeferredProcessing deferred;
	@InjectService(timeout = 20_000)
	ConfigurationAdmin configurations;
	@InjectBundleContext
	BundleContext context;

	private final List<PhotoSession> sessions = new ArrayList<>();
	private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

	@AfterEach
	void cleanUp() throws Exception {
		deferred.resume();
		sessions.forEach(PhotoSession::release);
		registrations.forEach(ServiceRegistration::unregister);
		for (String pid : List.of("camera.deferred.condition.thermal")) {
			Configuration configuration = configurations.getConfiguration(pid, "?");
			configuration.delete();
		}
	}

	/** Takes one deferred photo at the smallest size and saves it as an app does; returns the saved FAST asset. */
	private PhotoAsset takeDeferredPhoto() throws Exception {
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
		PhotoSession session = cameras.createSession(SceneMode.NORMAL_PHOTO);
		sessions.add(session);
		CameraInput input = cameras.createCameraInput(camera);
		input.open();
		PhotoOutput output = cameras.createPhotoOutput(smallest);
		CompletableFuture<PhotoAsset> delivered = new CompletableFuture<>();
		output.onPhotoAssetAvailable(delivered::complete);
		output.onError(delivered::completeExceptionally);
		session.beginConfig();
		session.addInput(input);
		session.addOutput(output);
		session.commitConfig();
		session.start();
		output.capture();
		PhotoAsset pending = delivered.get(WAIT_SECONDS, TimeUnit.SECONDS);
		return library.applyChanges(new MediaAssetChangeRequest(pending).saveCameraPhoto(ImageFileType.JPEG));
	}

	private BlockingQueue<Event> jobEvents() {
		BlockingQueue<Event> events = new LinkedBlockingQueue<>();
		Dictionary<String, Object> properties = new Hashtable<>();
		properties.put(EventConstants.EVENT_TOPIC, DeferredJobEvents.TOPIC_PREFIX + "*");
		registrations.add(context.registerService(EventHandler.class, events::add, properties));
		return events;
	}

	private static Event next(BlockingQueue<Event> events, String jobId, String topic) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
		while (System.nanoTime() < deadline) {
			Event event = events.poll(1, TimeUnit.SECONDS);
			if (event != null && jobId.equals(event.getProperty(DeferredJobEvents.JOB_ID)) && event.getTopic().equals(topic)) {
				return event;
			}
		}
		throw new AssertionError("no " + topic + " for job " + jobId + " within " + WAIT_SECONDS + " s");
	}

	private static void eventually(String what, BooleanSupplier check) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
		while (!check.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError(what + " did not happen within " + WAIT_SECONDS + " s");
			}
			Thread.sleep(50);
		}
	}

	@Nested
	class Timeline {
		@Test
		void aDeferredPhotoPostsPendingRunningAndCompletedWithItsUriAndTimings() throws Exception {
			BlockingQueue<Event> events = jobEvents();
			PhotoAsset asset = takeDeferredPhoto();
			String jobId = asset.deferredJobId();

			assertThat(deferred.drain(Duration.ofSeconds(WAIT_SECONDS))).isTrue();

			assertThat(next(events, jobId, DeferredJobEvents.TOPIC_PENDING).getProperty(DeferredJobEvents.PRIORITY))
				.isEqualTo("NORMAL");
			assertThat(next(events, jobId, DeferredJobEvents.TOPIC_RUNNING).getProperty(DeferredJobEvents.QUEUED_MS))
				.isNotNull();
			Event completed = next(events, jobId, DeferredJobEvents.TOPIC_COMPLETED);
			assertThat(completed.getProperty(DeferredJobEvents.ASSET_URI)).isEqualTo(asset.uri());
			assertThat(completed.getProperty(DeferredJobEvents.PHASE2_MS)).isInstanceOf(Long.class);
			assertThat(library.getAsset(asset.uri()).orElseThrow().quality()).isEqualTo(MediaQuality.FULL);
		}
	}

	@Nested
	class LibraryRequests {
		@Test
		void aHighQualityRequestDevelopsItsPhotoEvenWhileProcessingIsPaused() throws Exception {
			deferred.pause();
			PhotoAsset asset = takeDeferredPhoto();
			CompletableFuture<MediaQuality> prepared = new CompletableFuture<>();

			assets.requestImageData(asset, new RequestOptions(DeliveryMode.HIGH_QUALITY_MODE),
					new MediaAssetDataHandler<>() {
						@Override
						public void onDataPrepared(byte[] data, MediaQuality quality) {
							prepared.complete(quality);
						}

						@Override
						public void onError(MediaLibraryException error) {
							prepared.completeExceptionally(error);
						}
					});

			assertThat(prepared.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(MediaQuality.FULL);
			assertThat(deferred.stats().paused()).isTrue();
		}
	}

	@Nested
	class Conditions {
		@Test
		void everyConditionComponentIsTracked() {
			assertThat(deferred.stats().conditions()).containsKeys("capture-idle", "cpu-load", "thermal", "battery",
					"storage-health", "pipeline");
		}

		@Test
		void aConfiguredTemperatureAppliesWithoutARestart() throws Exception {
			Configuration thermal = configurations.getConfiguration("camera.deferred.condition.thermal", "?");

			thermal.update(new Hashtable<>(Map.of("overrideCelsius", "500")));
			eventually("thermal blocks", () -> Boolean.FALSE.equals(deferred.stats().conditions().get("thermal")));

			thermal.delete();
			eventually("thermal holds", () -> Boolean.TRUE.equals(deferred.stats().conditions().get("thermal")));
		}
	}
}
