package camera.itest;

import java.util.Comparator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import camera.api.CameraDevice;
import camera.api.CameraErrorCode;
import camera.api.CameraException;
import camera.api.CameraInput;
import camera.api.CameraManager;
import camera.api.PhotoCaptureSetting;
import camera.api.PhotoOutput;
import camera.api.PhotoSession;
import camera.api.Profile;
import camera.api.SceneMode;

/**
 * What a public app sets up to capture deferred photos: a started session with one photo output on the camera's
 * smallest profile, listening for assets. Each capture ends in an outcome: the {@code PhotoAsset} or the
 * {@code CameraException} of an error event (from the output or the session).
 */
final class DeferredCaptureSession {
	private final PhotoSession session;
	private final PhotoOutput output;
	private final BlockingQueue<Object> outcomes = new LinkedBlockingQueue<>();
	private final BlockingQueue<Boolean> ready = new LinkedBlockingQueue<>();

	private DeferredCaptureSession(PhotoSession session, PhotoOutput output) {
		this.session = session;
		this.output = output;
	}

	/** @throws CameraException DEVICE_DISABLED when the camera is not there, or whatever opening it raised */
	static DeferredCaptureSession open(CameraManager cameras, String cameraId) {
		CameraDevice camera = cameras.getSupportedCameras()
			.stream()
			.filter(c -> c.cameraId().equals(cameraId))
			.findFirst()
			.orElseThrow(() -> new CameraException(CameraErrorCode.DEVICE_DISABLED, cameraId + " is not there"));
		Profile smallest = cameras.getSupportedOutputCapability(camera, SceneMode.NORMAL_PHOTO)
			.photoProfiles()
			.stream()
			.min(Comparator.comparingLong(p -> p.size().pixels()))
			.orElseThrow();
		PhotoSession session = cameras.createSession(SceneMode.NORMAL_PHOTO);
		try {
			CameraInput input = cameras.createCameraInput(camera);
			input.open();
			PhotoOutput output = cameras.createPhotoOutput(smallest);
			DeferredCaptureSession opened = new DeferredCaptureSession(session, output);
			output.onPhotoAssetAvailable(opened.outcomes::add);
			output.onError(opened.outcomes::add);
			output.onCaptureReady(() -> opened.ready.add(true));
			session.onError(opened.outcomes::add);
			session.beginConfig();
			session.addInput(input);
			session.addOutput(output);
			session.commitConfig();
			session.start();
			return opened;
		} catch (CameraException e) {
			session.release();
			throw e;
		}
	}

	/** @return the id of the capture that was started */
	int capture() {
		return output.capture();
	}

	/** @return the id of the capture that was started with that setting */
	int capture(PhotoCaptureSetting setting) {
		return output.capture(setting);
	}

	/** @return the next asset or error, or null when none came within the time */
	Object nextOutcome(long seconds) throws InterruptedException {
		return outcomes.poll(seconds, TimeUnit.SECONDS);
	}

	/** @return whether captureReady came within the time */
	boolean awaitReady(long seconds) throws InterruptedException {
		return ready.poll(seconds, TimeUnit.SECONDS) != null;
	}

	void release() {
		session.release();
	}
}
