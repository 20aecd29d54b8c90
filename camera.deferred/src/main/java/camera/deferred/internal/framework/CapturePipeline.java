package camera.deferred.internal.framework;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.osgi.service.log.Logger;

import camera.api.CameraErrorCode;
import camera.api.CameraException;
import camera.api.CaptureEndInfo;
import camera.api.CaptureStartInfo;
import camera.api.hal.FrameLease;
import camera.api.hal.HalCaptureRequest;
import camera.api.hal.HalDevice;
import camera.deferred.internal.development.StoppableDevelopment;
import camera.deferred.internal.jobs.BurstSpooling;
import camera.deferred.internal.jobs.DeferredEngine;
import camera.deferred.internal.jobs.SpoolFullException;
import media.library.MediaLibraryException;

/**
 * Runs captures in two stages. The capture stage takes the frames from the camera, one capture at a time per
 * camera; the development stage turns them into the photo event, in order per output. The camera starts the next
 * capture while the previous one develops, so development delays the next shot only when it falls a whole capture
 * behind. A camera that streams has its frames in the input's zero-shutter-lag ring already: the capture stage
 * takes them from there instead of asking the camera. Frames the HAL lent go back to it once the photo is
 * delivered, or as soon as the capture fails.
 */
final class CapturePipeline {
	private final Logger log;
	private final Supplier<FrameworkSettings> settings;
	private final ExecutorService workers;
	private final CaptureActivity activity;
	private final FastImages fastImages;
	private final DeliveryServices services;
	private final Map<PhotoDelivery, Delivery> deliveries = new EnumMap<>(PhotoDelivery.class);
	private final StoppableDevelopment development = new StoppableDevelopment();
	private final CaptureTimes captureTimes = new CaptureTimes();
	private volatile boolean stopping;

	CapturePipeline(Logger log, Supplier<FrameworkSettings> settings, DeliveryServices services,
			ExecutorService workers, CaptureActivity activity) {
		this.log = log;
		this.settings = settings;
		this.workers = workers;
		this.activity = activity;
		this.fastImages = new FastImages(services, settings);
		this.services = services;
		Delivery fullAsset = new FullAssetDelivery(settings, services, development, this::stopping, log);
		deliveries.put(PhotoDelivery.SINGLE_PHASE, new SinglePhaseDelivery(settings, services, development,
				this::stopping, log));
		deliveries.put(PhotoDelivery.DEFERRED_ASSET, new AssetDelivery(services, fullAsset, log));
		deliveries.put(PhotoDelivery.DEFERRED_PROXY,
				new ProxyDelivery(new FullProxyDelivery(settings, services, development, this::stopping), log));
	}

	/**
	 * Queues a capture on its camera's capture line; its events follow on the output's event executor.
	 *
	 * @throws CameraException SERVICE_FATAL_ERROR when the camera service is stopping
	 */
	void submit(Capture capture) {
		activity.begin();
		try {
			capture.input().captureLine().execute(() -> captureFrames(capture));
		} catch (RejectedExecutionException e) {
			activity.end();
			throw new CameraException(CameraErrorCode.SERVICE_FATAL_ERROR, "the camera service is stopping", e);
		}
	}

	/** Development still running is cancelled between tiles; captures not yet started fail. */
	void stop() {
		stopping = true;
		development.close();
	}

	private boolean stopping() {
		return stopping;
	}

	private void captureFrames(Capture capture) {
		Optional<OpenCamera> camera = capture.input().openCamera();
		if (camera.isEmpty() || stopping) {
			finishWithError(capture, new CameraException(CameraErrorCode.DEVICE_DISABLED,
					"camera " + capture.input().device().cameraId() + " is not open"));
			return;
		}
		String cameraId = capture.input().device().cameraId();
		long startNanos = System.nanoTime();
		capture.output().fireCaptureStart(new CaptureStartInfo(capture.id(),
				captureTimes.estimate(cameraId, capture.configuration().frameCount())));
		Semaphore slots = capture.input().developmentSlots();
		try {
			slots.acquire();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			finishWithError(capture, new CameraException(CameraErrorCode.SERVICE_FATAL_ERROR,
					"capture " + capture.id() + " was interrupted", e));
			return;
		}
		BurstSpooling spooling = capture.configuration().delivery().deferred() ? openSpooling(capture) : null;
		CapturedPhoto photo;
		try {
			photo = readFrames(capture, camera.get().device(), spooling);
			captureTimes.record(cameraId, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
		} catch (RuntimeException e) {
			if (spooling != null) {
				spooling.abandon();
			}
			slots.release();
			finishWithError(capture, e);
			return;
		}
		try {
			capture.output().developmentLine().execute(() -> develop(photo, slots));
		} catch (RuntimeException e) {
			photo.abandonSpooling();
			photo.releaseFrames();
			slots.release();
			finishWithError(capture, e);
		}
	}

	/** @return the spool taking this capture's frames as they come, or null when the engine takes none now */
	private BurstSpooling openSpooling(Capture capture) {
		Optional<DeferredEngine> engine = services.engine();
		if (engine.isEmpty()) {
			return null;
		}
		try {
			return engine.get().begin();
		} catch (SpoolFullException e) {
			log.warn("Capture {}: {}; it will be developed inline", capture.id(), e.getMessage());
			return null;
		}
	}

	private CapturedPhoto readFrames(Capture capture, HalDevice device, BurstSpooling spooling) {
		OutputConfiguration configuration = capture.configuration();
		HalCaptureRequest request = new HalCaptureRequest(capture.id(), configuration.sensorProfile().size(),
				configuration.sensorProfile().format(), configuration.frameCount());
		PhotoDelivery delivery = configuration.delivery();
		FrameCollector collector = new FrameCollector(capture, request, delivery.deferred()
				? (frame, exif) -> fastImages.start(frame, exif, delivery == PhotoDelivery.DEFERRED_PROXY, workers,
						capture.timeline())
				: null, spooling);
		try {
			Optional<ZslRing> ring = capture.input().ring(configuration.sensorProfile());
			if (ring.isPresent()) {
				takeFromRing(capture, ring.get(), collector);
			} else {
				captureOnRequest(capture, device, request, collector);
			}
			return checkedPhoto(capture, collector);
		} catch (RuntimeException e) {
			collector.releaseAll();
			throw e;
		}
	}

	/** The burst is the ring's frames nearest the press, the nearest first: its shutter is that frame's. */
	private void takeFromRing(Capture capture, ZslRing ring, FrameCollector collector) {
		List<FrameLease> burst = ring.take(capture.configuration().frameCount(), capture.timeline().pressNanos(),
				settings.get().captureTimeout());
		collector.shutter(burst.getFirst().frame().metadata().timestampNanos());
		for (FrameLease lease : burst) {
			collector.frame(lease);
		}
	}

	private void captureOnRequest(Capture capture, HalDevice device, HalCaptureRequest request,
			FrameCollector collector) {
		// The HAL promises never to hang; the timeout guards against one that breaks the promise.
		Future<?> running = workers.submit(() -> device.capture(request, collector));
		Duration timeout = settings.get().captureTimeout();
		try {
			running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		} catch (ExecutionException e) {
			throw e.getCause() instanceof RuntimeException failure ? failure
					: new CameraException(CameraErrorCode.SERVICE_FATAL_ERROR,
							"capture " + capture.id() + " failed: " + e.getCause(), e.getCause());
		} catch (TimeoutException e) {
			running.cancel(true);
			throw new CameraException(CameraErrorCode.SERVICE_FATAL_ERROR,
					"camera " + capture.input().device().cameraId() + " delivered no photo within " + timeout, e);
		} catch (InterruptedException e) {
			running.cancel(true);
			Thread.currentThread().interrupt();
			throw new CameraException(CameraErrorCode.SERVICE_FATAL_ERROR,
					"capture " + capture.id() + " was interrupted", e);
		}
	}

	private CapturedPhoto checkedPhoto(Capture capture, FrameCollector collector) {
		String cameraId = capture.input().device().cameraId();
		List<String> rejections = collector.rejections();
		if (collector.frames().isEmpty()) {
			throw new CameraException(CameraErrorCode.SERVICE_FATAL_ERROR, rejections.isEmpty()
					? "camera " + cameraId + " delivered no frame"
					: "camera " + cameraId + " delivered no usable frame: " + String.join("; ", rejections));
		}
		for (String rejection : rejections) {
			log.warn("Capture {} on camera {}: {}; the photo is made from the other frames", capture.id(), cameraId,
					rejection);
		}
		return collector.photo();
	}

	private void develop(CapturedPhoto photo, Semaphore slots) {
		Capture capture = photo.capture();
		RuntimeException failure = null;
		try {
			deliveries.get(capture.configuration().delivery()).deliver(photo);
		} catch (RuntimeException e) {
			failure = e;
		} finally {
			// the frames go back before the app hears the end of the capture, whichever way it ended
			photo.releaseFrames();
			slots.release();
		}
		if (failure != null) {
			finishWithError(capture, failure);
			return;
		}
		capture.timeline().mark(CaptureTimeline.Mark.DELIVERED);
		services.captureTimed(capture.timeline().properties(capture.id(), capture.input().device().cameraId(),
				capture.configuration().delivery().eventName()));
		// The engine hears the camera is idle before the app does, so the app's next capture finds it yielding.
		activity.end();
		capture.output().fireCaptureEnd(new CaptureEndInfo(capture.id(), photo.frames().size()));
		capture.output().fireCaptureReady();
	}

	private void finishWithError(Capture capture, RuntimeException failure) {
		CameraException error = asCameraError(capture, failure);
		log.error("Capture {} on camera {} failed: {}", capture.id(), capture.input().device().cameraId(),
				error.getMessage(), failure);
		activity.end();
		capture.output().fireError(error);
	}

	private static CameraException asCameraError(Capture capture, RuntimeException failure) {
		return switch (failure) {
			case CameraException known -> known;
			case MediaLibraryException library -> new CameraException(CameraErrorCode.SERVICE_FATAL_ERROR,
					"the media library could not store capture " + capture.id() + ": " + library.getMessage(), library);
			case CancellationException cancelled -> new CameraException(CameraErrorCode.SERVICE_FATAL_ERROR,
					"capture " + capture.id() + " was cancelled: the camera service is stopping", cancelled);
			default -> new CameraException(CameraErrorCode.SERVICE_FATAL_ERROR,
					"capture " + capture.id() + " failed: " + failure, failure);
		};
	}
}
