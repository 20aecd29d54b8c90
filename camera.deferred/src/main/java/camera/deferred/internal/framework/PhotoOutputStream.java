package camera.deferred.internal.framework;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.osgi.service.log.Logger;

import camera.api.CameraErrorCode;
import camera.api.CameraException;
import camera.api.CaptureEndInfo;
import camera.api.CaptureStartInfo;
import camera.api.DeferredDeliveryImageType;
import camera.api.DeferredPhotoProxy;
import camera.api.FrameShutterInfo;
import camera.api.Photo;
import camera.api.PhotoCaptureSetting;
import camera.api.PhotoOutput;
import camera.api.Profile;
import camera.api.Registration;
import media.library.PhotoAsset;

/**
 * A photo output. Its listeners run on its own event executor, one at a time and in order, never under a lock of
 * the pipeline.
 * <p>
 * Registering {@code photoAvailable} while the session runs with {@code photoAssetAvailable} in effect is the
 * case the source documents answer with "the stream restarts and only photoAssetAvailable takes effect". Here the
 * delivery mode is fixed by {@code commitConfig} and the stream holds no state a restart would rebuild, so the
 * restart amounts to keeping asset delivery; the registration is accepted and logged, and its listener is not
 * called until a new configuration chooses single-phase delivery.
 */
final class PhotoOutputStream implements PhotoOutput {
	private final Profile profile;
	private final CapturePipeline pipeline;
	private final Logger log;
	private final Executor events;
	private final Executor developmentLine;
	private final AtomicInteger captureIds = new AtomicInteger();

	private final ListenerList<Photo> photoListeners = new ListenerList<>();
	private final ListenerList<PhotoAsset> assetListeners = new ListenerList<>();
	private final ListenerList<DeferredPhotoProxy> proxyListeners = new ListenerList<>();
	private final ListenerList<CaptureStartInfo> startListeners = new ListenerList<>();
	private final ListenerList<FrameShutterInfo> shutterListeners = new ListenerList<>();
	private final ListenerList<CaptureEndInfo> endListeners = new ListenerList<>();
	private final ListenerList<Void> readyListeners = new ListenerList<>();
	private final ListenerList<CameraException> errorListeners = new ListenerList<>();

	private final Set<DeferredDeliveryImageType> deferRequested = EnumSet.noneOf(DeferredDeliveryImageType.class);
	private boolean optedOut;
	private PhotoCaptureSession session;
	private OutputConfiguration configuration;
	private boolean released;

	PhotoOutputStream(Profile profile, CapturePipeline pipeline, Logger log, Executor events,
			Executor developmentLine) {
		this.profile = profile;
		this.pipeline = pipeline;
		this.log = log;
		this.events = events;
		this.developmentLine = developmentLine;
	}

	@Override
	public Profile profile() {
		return profile;
	}

	@Override
	public int capture() {
		return capture(PhotoCaptureSetting.defaults());
	}

	@Override
	public int capture(PhotoCaptureSetting setting) {
		if (setting == null) {
			throw new CameraException(CameraErrorCode.INVALID_ARGUMENT, "a capture needs a setting");
		}
		PhotoCaptureSession owner;
		OutputConfiguration committed;
		synchronized (this) {
			requireNotReleased();
			owner = session;
			committed = configuration;
		}
		// The session is asked outside this output's lock: the session calls into its outputs under its own lock.
		Optional<CameraDeviceInput> input = owner == null ? Optional.empty() : owner.runningInput();
		if (input.isEmpty() || committed == null) {
			throw new CameraException(CameraErrorCode.SESSION_NOT_RUNNING,
					"the session of this output is not running");
		}
		int id = captureIds.incrementAndGet();
		pipeline.submit(new Capture(id, setting, committed, input.get(), this,
				new CaptureTimeline(System.nanoTime())));
		return id;
	}

	@Override
	public boolean isDeferredImageDeliverySupported(DeferredDeliveryImageType type) {
		PhotoCaptureSession owner;
		synchronized (this) {
			owner = session;
		}
		return type != null && type != DeferredDeliveryImageType.NONE && owner != null
				&& owner.supportsDeferred(type);
	}

	@Override
	public void deferImageDelivery(DeferredDeliveryImageType type) {
		synchronized (this) {
			requireNotReleased();
		}
		if (type == null) {
			throw new CameraException(CameraErrorCode.INVALID_ARGUMENT, "deferred delivery needs an image type");
		}
		if (type == DeferredDeliveryImageType.NONE) {
			synchronized (this) {
				deferRequested.clear();
				optedOut = true;
			}
			return;
		}
		if (!isDeferredImageDeliverySupported(type)) {
			throw new CameraException(CameraErrorCode.INVALID_ARGUMENT,
					"the camera of this output's session does not support deferred " + type + " delivery");
		}
		synchronized (this) {
			deferRequested.add(type);
			optedOut = false;
		}
	}

	@Override
	public synchronized boolean isDeferredImageDeliveryEnabled(DeferredDeliveryImageType type) {
		return type == DeferredDeliveryImageType.PHOTO && configuration != null
				&& configuration.delivery().deferred();
	}

	@Override
	public Registration onPhotoAvailable(Consumer<Photo> listener) {
		Registration registration = register(photoListeners, listener);
		PhotoCaptureSession owner;
		OutputConfiguration committed;
		synchronized (this) {
			owner = session;
			committed = configuration;
		}
		if (committed != null && committed.delivery() == PhotoDelivery.DEFERRED_ASSET && owner != null
				&& owner.runningInput().isPresent()) {
			log.info("photoAvailable registered on a running output with photoAssetAvailable in effect: the stream"
					+ " restarts and only photoAssetAvailable takes effect");
		}
		return registration;
	}

	@Override
	public Registration onPhotoAssetAvailable(Consumer<PhotoAsset> listener) {
		return register(assetListeners, listener);
	}

	@Override
	public Registration onDeferredPhotoProxyAvailable(Consumer<DeferredPhotoProxy> listener) {
		return register(proxyListeners, listener);
	}

	@Override
	public Registration onCaptureStartWithInfo(Consumer<CaptureStartInfo> listener) {
		return register(startListeners, listener);
	}

	@Override
	public Registration onFrameShutter(Consumer<FrameShutterInfo> listener) {
		return register(shutterListeners, listener);
	}

	@Override
	public Registration onCaptureEnd(Consumer<CaptureEndInfo> listener) {
		return register(endListeners, listener);
	}

	@Override
	public Registration onCaptureReady(Runnable listener) {
		if (listener == null) {
			throw new CameraException(CameraErrorCode.INVALID_ARGUMENT, "a listener is needed");
		}
		return register(readyListeners, ignored -> listener.run());
	}

	@Override
	public Registration onError(Consumer<CameraException> listener) {
		return register(errorListeners, listener);
	}

	@Override
	public void release() {
		PhotoCaptureSession owner;
		synchronized (this) {
			if (released) {
				return;
			}
			released = true;
			owner = session;
			session = null;
		}
		if (owner != null) {
			owner.outputReleased(this);
		}
	}

	// --- for the session ---

	synchronized void attach(PhotoCaptureSession owner) {
		requireNotReleased();
		if (session != null && session != owner) {
			throw new CameraException(CameraErrorCode.OPERATION_NOT_ALLOWED, "this output belongs to another session");
		}
		session = owner;
	}

	synchronized void detach(PhotoCaptureSession owner) {
		if (session == owner) {
			session = null;
			configuration = null;
		}
	}

	/** @return the delivery this output asks for; the session checks what the camera and services allow */
	synchronized PhotoDelivery wantedDelivery() {
		if (optedOut) {
			return PhotoDelivery.SINGLE_PHASE;
		}
		if (deferRequested.contains(DeferredDeliveryImageType.PHOTO)) {
			return PhotoDelivery.DEFERRED_PROXY;
		}
		return assetListeners.isEmpty() ? PhotoDelivery.SINGLE_PHASE : PhotoDelivery.DEFERRED_ASSET;
	}

	synchronized void commit(OutputConfiguration committed) {
		configuration = committed;
	}

	/** @return the configuration committed, or null */
	synchronized OutputConfiguration committed() {
		return configuration;
	}

	/** A new configuration begins: what was committed no longer holds. */
	synchronized void uncommit() {
		configuration = null;
	}

	// --- for the pipeline: every event goes through the event executor ---

	Executor developmentLine() {
		return developmentLine;
	}

	void fireCaptureStart(CaptureStartInfo info) {
		events.execute(() -> startListeners.fire(info));
	}

	void fireFrameShutter(FrameShutterInfo info) {
		events.execute(() -> shutterListeners.fire(info));
	}

	void firePhoto(Photo photo) {
		events.execute(() -> photoListeners.fire(photo));
	}

	void firePhotoAsset(PhotoAsset asset) {
		events.execute(() -> assetListeners.fire(asset));
	}

	void fireProxy(DeferredPhotoProxy proxy) {
		events.execute(() -> proxyListeners.fire(proxy));
	}

	void fireCaptureEnd(CaptureEndInfo info) {
		events.execute(() -> endListeners.fire(info));
	}

	void fireCaptureReady() {
		events.execute(() -> readyListeners.fire(null));
	}

	void fireError(CameraException error) {
		events.execute(() -> errorListeners.fire(error));
	}

	private <T> Registration register(ListenerList<T> listeners, Consumer<T> listener) {
		synchronized (this) {
			requireNotReleased();
		}
		return listeners.add(listener);
	}

	private void requireNotReleased() {
		if (released) {
			throw new CameraException(CameraErrorCode.OPERATION_NOT_ALLOWED, "this output was released");
		}
	}
}
