package camera.api;

import java.util.function.Consumer;

import media.library.PhotoAsset;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The photo output of a session. Thread-safe.
 *
 * <h2>How a photo is delivered</h2> Decided when the session commits its configuration:
 * <ul>
 * <li><b>Deferred, proxy (system apps)</b>: {@link #deferImageDelivery} was called before {@code commitConfig}
 * and the camera supports it: {@code deferredPhotoProxyAvailable} delivers a {@link DeferredPhotoProxy}.</li>
 * <li><b>Deferred, asset (public apps)</b>: a {@code photoAssetAvailable} listener was registered before
 * {@code commitConfig} and the camera supports deferred PHOTO delivery: it is enabled automatically and
 * {@code photoAssetAvailable} delivers a FAST media-library asset, which the platform replaces in place with
 * the FULL image later.</li>
 * <li><b>Single phase</b>: otherwise, or after {@code deferImageDelivery(NONE)}, the full pipeline runs at once
 * and {@code photoAvailable} delivers a FULL {@link Photo}.</li>
 * </ul>
 * The last {@link #deferImageDelivery} call before {@code commitConfig} decides: {@code PHOTO} asks for proxies,
 * {@code NONE} opts the output out of deferred delivery, even with a {@code photoAssetAvailable} listener.
 * Either call after {@code commitConfig}, as every change of deferral, has no effect until the next
 * configuration. If
 * {@code photoAssetAvailable} is registered and {@code photoAvailable} is registered after the session
 * started, the stream restarts and only {@code photoAssetAvailable} takes effect: do not register both.
 *
 * <h2>Events</h2> Every capture fires, in order: {@code captureStartWithInfo}, {@code frameShutter}, the photo
 * event of its delivery mode, {@code captureEnd}, {@code captureReady}; or {@code error} instead of the
 * events that could not happen. Listeners are called on the output's event thread, one at a time and in
 * order, never while the pipeline holds a lock. A listener that blocks delays the later events of this output
 * only. A photo's raw frames are durable on disk before its asset or proxy event fires.
 */
@ProviderType
public interface PhotoOutput {

	/** @return the profile this output delivers */
	Profile profile();

	/**
	 * Captures a photo with {@link PhotoCaptureSetting#defaults()}.
	 *
	 * @return the capture id that the events of this capture carry
	 * @throws CameraException SESSION_NOT_RUNNING unless the output's session runs, OPERATION_NOT_ALLOWED after
	 *                         {@link #release()}
	 */
	int capture();

	/**
	 * Captures a photo.
	 *
	 * @return the capture id that the events of this capture carry
	 * @throws CameraException INVALID_ARGUMENT for a null setting, else as {@link #capture()}
	 */
	int capture(PhotoCaptureSetting setting);

	/** @return whether the camera of the session supports deferred delivery of that type */
	boolean isDeferredImageDeliverySupported(DeferredDeliveryImageType type);

	/**
	 * Asks for deferred delivery of that type with a {@link DeferredPhotoProxy} (system apps), or, with
	 * {@link DeferredDeliveryImageType#NONE}, for no deferred delivery at all: photos are then delivered in a
	 * single phase through {@code photoAvailable}. Takes effect at the next {@code commitConfig}.
	 *
	 * @throws CameraException INVALID_ARGUMENT for null or a type the camera does not support (NONE is always
	 *                         accepted); OPERATION_NOT_ALLOWED after {@link #release()}
	 */
	void deferImageDelivery(DeferredDeliveryImageType type);

	/** @return whether delivery of that type is deferred in the committed configuration */
	boolean isDeferredImageDeliveryEnabled(DeferredDeliveryImageType type);

	/** Listens for FULL photos (single-phase delivery). */
	Registration onPhotoAvailable(Consumer<Photo> listener);

	/** Listens for FAST assets (deferred delivery); register before {@code commitConfig}. */
	Registration onPhotoAssetAvailable(Consumer<PhotoAsset> listener);

	/** Listens for photo proxies (deferred delivery for system apps). */
	Registration onDeferredPhotoProxyAvailable(Consumer<DeferredPhotoProxy> listener);

	/** Listens for the start of captures. */
	Registration onCaptureStartWithInfo(Consumer<CaptureStartInfo> listener);

	/** Listens for the shutter of captures. */
	Registration onFrameShutter(Consumer<FrameShutterInfo> listener);

	/** Listens for the end of captures. */
	Registration onCaptureEnd(Consumer<CaptureEndInfo> listener);

	/** Listens for the output becoming ready for the next capture. */
	Registration onCaptureReady(Runnable listener);

	/** Listens for errors of captures; the exception says which code and why. */
	Registration onError(Consumer<CameraException> listener);

	/** Frees the output; captures in flight finish. */
	void release();
}
