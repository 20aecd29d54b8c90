package camera.deferred.internal.framework;

import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

import org.osgi.service.log.Logger;

import camera.api.CameraDevice;
import camera.api.CameraErrorCode;
import camera.api.CameraException;
import camera.api.CameraInput;
import camera.api.Registration;
import camera.api.hal.HalCamera;
import camera.api.hal.HalDevice;
import camera.api.hal.HalProfile;
import camera.api.hal.HalStream;
import camera.api.hal.HalStreamRequest;

/**
 * An input on one camera. Opening resolves the camera by id at that moment, so after its HAL came back the same
 * input opens the new service. Captures on the camera run one at a time on its capture line. While its session
 * runs, a camera that streams fills the input's zero-shutter-lag ring, which the input owns with the stream.
 */
final class CameraDeviceInput implements CameraInput {
	private final CameraDevice device;
	private final CameraRegistry registry;
	private final Logger log;
	private final Executor events;
	private final Executor captureLine;
	private final ListenerList<CameraException> errorListeners = new ListenerList<>();
	// Captured but not yet delivered: the camera may run one capture ahead of development, no more, so a burst
	// of captures cannot pile up raw frames without bound.
	private final Semaphore developmentSlots = new Semaphore(2);
	private volatile Consumer<CameraException> sessionWatcher = error -> {
	};
	private OpenCamera open;
	private PhotoCaptureSession session;
	private Streaming streaming;

	/** A running stream of the open camera and the ring it fills, for captures of one sensor profile. */
	private record Streaming(HalProfile profile, HalStream stream, ZslRing ring) {
		void stop() {
			stream.close();
			ring.close();
		}
	}

	CameraDeviceInput(CameraDevice device, CameraRegistry registry, Logger log, Executor events,
			Executor captureLine) {
		this.device = device;
		this.registry = registry;
		this.log = log;
		this.events = events;
		this.captureLine = captureLine;
	}

	@Override
	public CameraDevice device() {
		return device;
	}

	@Override
	public synchronized void open() {
		if (open != null) {
			throw new CameraException(CameraErrorCode.OPERATION_NOT_ALLOWED,
					"camera " + device.cameraId() + " is already open");
		}
		HalCamera camera = registry.find(device.cameraId())
			.orElseThrow(() -> new CameraException(CameraErrorCode.DEVICE_DISABLED,
					"camera " + device.cameraId() + " is not available"));
		registry.claim(device.cameraId(), this);
		try {
			open = new OpenCamera(camera, camera.open());
		} catch (CameraException e) {
			registry.unclaim(device.cameraId(), this);
			throw e;
		} catch (RuntimeException e) {
			registry.unclaim(device.cameraId(), this);
			throw new CameraException(CameraErrorCode.SERVICE_FATAL_ERROR,
					"camera " + device.cameraId() + " failed to open: " + e.getMessage(), e);
		}
	}

	@Override
	public void close() {
		OpenCamera closing;
		synchronized (this) {
			stopStreaming();
			closing = open;
			open = null;
			if (closing == null) {
				return;
			}
			registry.unclaim(device.cameraId(), this);
		}
		closeDevice(closing.device());
	}

	/**
	 * Starts the zero-shutter-lag stream of a profile, unless it runs already; a camera that does not stream, or
	 * whose stream fails to start, captures on request (logged).
	 *
	 * @param depth the frames the ring keeps
	 */
	synchronized void startStreaming(HalProfile profile, int depth) {
		if (streaming != null && streaming.profile().equals(profile)) {
			return;
		}
		stopStreaming();
		if (open == null) {
			return;
		}
		ZslRing ring = new ZslRing(device.cameraId(), depth);
		try {
			open.device().stream(new HalStreamRequest(profile.size(), profile.format()), ring)
				.ifPresent(stream -> streaming = new Streaming(profile, stream, ring));
		} catch (RuntimeException e) {
			log.warn("Camera {} could not stream {} for zero shutter lag; it captures on request: {}",
					device.cameraId(), profile.size(), e.getMessage());
		}
		if (streaming != null) {
			log.info("Camera {} streams {} into a zero-shutter-lag ring of {} frames", device.cameraId(),
					profile.size(), depth);
		}
	}

	/** Stops the stream and gives its ring's frames back; nothing when none runs. */
	synchronized void stopStreaming() {
		if (streaming != null) {
			Streaming stopping = streaming;
			streaming = null;
			try {
				stopping.stop();
			} catch (RuntimeException e) {
				log.warn("Stopping the stream of camera {} failed: {}", device.cameraId(), e.toString());
			}
		}
	}

	/** @return the ring captures of that profile take their frames from, while the camera streams it */
	synchronized Optional<ZslRing> ring(HalProfile profile) {
		return streaming != null && streaming.profile().equals(profile) ? Optional.of(streaming.ring())
				: Optional.empty();
	}

	@Override
	public Registration onError(Consumer<CameraException> listener) {
		return errorListeners.add(listener);
	}

	/** @return the camera as it is open now, if it is */
	synchronized Optional<OpenCamera> openCamera() {
		return Optional.ofNullable(open);
	}

	synchronized boolean isOpen() {
		return open != null;
	}

	/** @return where captures on this camera queue, one at a time */
	Executor captureLine() {
		return captureLine;
	}

	/** @return the permits a capture holds from its frames' arrival until its photo was delivered */
	Semaphore developmentSlots() {
		return developmentSlots;
	}

	/**
	 * The HAL service of the camera went away. If this input held it, the input closes and its listeners and its
	 * session hear DEVICE_DISABLED.
	 */
	void cameraGone(HalCamera camera) {
		synchronized (this) {
			if (open == null || open.camera() != camera) {
				return;
			}
		}
		close();
		CameraException gone = new CameraException(CameraErrorCode.DEVICE_DISABLED,
				"camera " + device.cameraId() + " went away");
		log.warn("Camera {} went away while open; its session ends", device.cameraId());
		events.execute(() -> errorListeners.fire(gone));
		sessionWatcher.accept(gone);
	}

	/**
	 * Ties the input to a session.
	 *
	 * @throws CameraException OPERATION_NOT_ALLOWED when another session uses it
	 */
	synchronized void attach(PhotoCaptureSession owner, Consumer<CameraException> watcher) {
		if (session != null && session != owner) {
			throw new CameraException(CameraErrorCode.OPERATION_NOT_ALLOWED,
					"the input of camera " + device.cameraId() + " belongs to another session");
		}
		session = owner;
		sessionWatcher = watcher;
	}

	synchronized void detach(PhotoCaptureSession owner) {
		if (session == owner) {
			session = null;
			sessionWatcher = error -> {
			};
		}
	}

	private void closeDevice(HalDevice halDevice) {
		try {
			halDevice.close();
		} catch (RuntimeException e) {
			// A camera whose HAL is already gone may fail to close; it is released either way.
			log.warn("Closing camera {} failed: {}", device.cameraId(), e.toString());
		}
	}
}
