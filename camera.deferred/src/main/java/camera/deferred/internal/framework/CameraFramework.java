package camera.deferred.internal.framework;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.osgi.service.log.Logger;

import camera.api.CameraDevice;
import camera.api.CameraErrorCode;
import camera.api.CameraException;
import camera.api.CameraInput;
import camera.api.CameraManager;
import camera.api.CameraOutputCapability;
import camera.api.PhotoOutput;
import camera.api.PhotoSession;
import camera.api.Profile;
import camera.api.SceneMode;
import camera.api.hal.HalCamera;

/**
 * The camera manager without the component model: the cameras of every HAL, the sessions made on them, and the
 * threads their captures and events run on. {@link CameraService} gives it its services and configuration.
 */
final class CameraFramework implements CameraManager {
	private static final long STOP_WAIT_SECONDS = 10;

	private final Logger log;
	private final CameraRegistry registry = new CameraRegistry();
	private final ExecutorService workers = Executors.newCachedThreadPool(namedThreads("camera-capture-"));
	private final ExecutorService events = Executors.newCachedThreadPool(namedThreads("camera-events-"));
	private final Set<PhotoCaptureSession> sessions = ConcurrentHashMap.newKeySet();
	private final CapturePipeline pipeline;
	private final DeliveryPlanner planner;

	CameraFramework(Logger log, Supplier<FrameworkSettings> settings, DeliveryServices services) {
		this.log = log;
		this.pipeline = new CapturePipeline(log, settings, services, workers,
				new CaptureActivity(services::engine));
		this.planner = new DeliveryPlanner(services, settings, log);
	}

	/** @param ranking the camera service's ranking: the highest ranked camera is listed first, as the default */
	void cameraAdded(HalCamera camera, int ranking) {
		registry.add(camera, ranking);
		log.info("Camera {} of HAL {} is available", camera.info().id(), camera.info().hal());
	}

	void cameraRemoved(HalCamera camera) {
		log.info("Camera {} of HAL {} went away", camera.info().id(), camera.info().hal());
		registry.remove(camera).ifPresent(input -> input.cameraGone(camera));
	}

	@Override
	public List<CameraDevice> getSupportedCameras() {
		return registry.devices();
	}

	@Override
	public List<SceneMode> getSupportedSceneModes(CameraDevice camera) {
		registry.require(camera);
		return List.of(SceneMode.NORMAL_PHOTO);
	}

	@Override
	public CameraOutputCapability getSupportedOutputCapability(CameraDevice camera, SceneMode mode) {
		HalCamera hal = registry.require(camera);
		requireMode(mode);
		return new CameraOutputCapability(CameraProfiles.photoProfiles(hal.capabilities()));
	}

	@Override
	public CameraInput createCameraInput(CameraDevice camera) {
		HalCamera hal = registry.require(camera);
		return new CameraDeviceInput(CameraRegistry.device(hal.info()), registry, log, serial(events),
				serial(workers));
	}

	@Override
	public PhotoOutput createPhotoOutput(Profile profile) {
		if (profile == null) {
			throw new CameraException(CameraErrorCode.INVALID_ARGUMENT, "a photo output needs a profile");
		}
		return new PhotoOutputStream(profile, pipeline, log, serial(events), serial(workers));
	}

	@Override
	public PhotoSession createSession(SceneMode mode) {
		requireMode(mode);
		PhotoCaptureSession session = new PhotoCaptureSession(registry, planner, serial(events), sessions::remove);
		sessions.add(session);
		return session;
	}

	/** Releases every session and camera, lets captures in flight finish, and stops the threads. */
	void stop() {
		pipeline.stop();
		List.copyOf(sessions).forEach(PhotoSession::release);
		registry.holders().forEach(CameraDeviceInput::close);
		awaitStop(workers, "capture");
		awaitStop(events, "event");
	}

	private void awaitStop(ExecutorService executor, String kind) {
		executor.shutdown();
		try {
			if (!executor.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
				log.warn("{} threads still busy after {} s; interrupting them", kind, STOP_WAIT_SECONDS);
				executor.shutdownNow();
			}
		} catch (InterruptedException e) {
			executor.shutdownNow();
			Thread.currentThread().interrupt();
		}
	}

	private SerialExecutor serial(ExecutorService pool) {
		return new SerialExecutor(pool, failure -> log.error("A camera listener or task failed: {}", failure.toString(),
				failure));
	}

	private static void requireMode(SceneMode mode) {
		if (mode != SceneMode.NORMAL_PHOTO) {
			throw new CameraException(CameraErrorCode.INVALID_ARGUMENT, "scene mode " + mode + " is not supported");
		}
	}

	private static ThreadFactory namedThreads(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return task -> {
			Thread thread = new Thread(task, prefix + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}
}
