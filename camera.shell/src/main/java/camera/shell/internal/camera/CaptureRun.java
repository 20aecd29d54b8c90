package camera.shell.internal.camera;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import camera.api.CameraDevice;
import camera.api.CameraInput;
import camera.api.CameraManager;
import camera.api.PhotoCaptureSetting;
import camera.api.PhotoOutput;
import camera.api.PhotoSession;
import camera.api.Profile;
import camera.api.Registration;
import camera.api.SceneMode;
import media.library.PhotoAccessHelper;
import media.library.MediaQuality;
import media.library.PhotoAsset;

/**
 * Takes photos the way an app does: one session with the camera's input and a photo output, configured for a
 * delivery flow, then one capture after the other, each photo saved to the library before the next capture.
 * Everything it opened is released when it returns, whether it succeeded or not.
 */
final class CaptureRun {
	private final CameraManager cameras;
	private final PhotoAccessHelper library;
	private final Duration timeout;

	/**
	 * @param timeout how long to wait for each event of a capture
	 */
	CaptureRun(CameraManager cameras, PhotoAccessHelper library, Duration timeout) {
		this.cameras = cameras;
		this.library = library;
		this.timeout = timeout;
	}

	/**
	 * Captures {@code count} photos and hands each one, saved, to {@code each} as soon as it is saved.
	 *
	 * @throws camera.api.CameraException          what the camera reported
	 * @throws media.library.MediaLibraryException what the library reported while saving
	 * @throws camera.shell.internal.console.CommandFailure on a timeout or a flow the camera does not offer
	 */
	<P> void run(CameraDevice camera, Profile profile, PhotoCaptureSetting setting, PhotoDelivery<P> delivery,
			int count, Consumer<CapturedPhoto> each) throws InterruptedException {
		CaptureEvents<P> events = new CaptureEvents<>(timeout);
		List<Registration> registrations = new ArrayList<>();
		CameraInput input = cameras.createCameraInput(camera);
		PhotoOutput output = cameras.createPhotoOutput(profile);
		PhotoSession session = cameras.createSession(SceneMode.NORMAL_PHOTO);
		try {
			registrations.add(input.onError(events::failed));
			registrations.add(session.onError(events::failed));
			registrations.add(output.onError(events::failed));
			registrations.add(output.onCaptureReady(events::ready));
			registrations.add(output.onFrameShutter(events::shutter));
			input.open();
			session.beginConfig();
			session.addInput(input);
			session.addOutput(output);
			delivery.prepare(output);
			registrations.add(delivery.listen(output, events::photo));
			session.commitConfig();
			delivery.check(output, camera);
			session.start();
			for (int taken = 0; taken < count; taken++) {
				if (taken > 0) {
					events.awaitReady(camera.cameraId());
				}
				long start = System.nanoTime();
				long pressed = System.currentTimeMillis();
				int captureId = output.capture(setting);
				CaptureEvents.Arrived<P> arrived = events.nextPhoto(camera.cameraId());
				PhotoAsset saved = delivery.save(library, arrived.photo());
				OptionalLong shutterLag = events.shutterOf(captureId);
				each.accept(new CapturedPhoto(captureId, saved.uri(), saved.quality(),
						TimeUnit.NANOSECONDS.toMillis(arrived.nanoTime() - start),
						shutterLag.isPresent() ? OptionalLong.of(shutterLag.getAsLong() - pressed) : shutterLag,
						delivery.defers() && saved.quality() == MediaQuality.FULL));
			}
		} finally {
			registrations.forEach(Registration::close);
			session.release();
			output.release();
			input.close();
		}
	}
}
