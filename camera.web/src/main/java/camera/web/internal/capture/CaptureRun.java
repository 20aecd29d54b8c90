package camera.web.internal.capture;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import camera.api.CameraDevice;
import camera.api.CameraException;
import camera.api.CameraInput;
import camera.api.CameraManager;
import camera.api.PhotoCaptureSetting;
import camera.api.PhotoOutput;
import camera.api.PhotoSession;
import camera.api.Profile;
import camera.api.Registration;
import camera.api.SceneMode;
import media.library.PhotoAccessHelper;
import media.library.PhotoAsset;

/**
 * Takes photos the way an app does: one session with the camera's input and a photo output configured for a
 * delivery flow, then one capture after the other, each photo saved before the next capture. Events are handed
 * from the output's event thread to the caller's thread through a queue, so listeners never block. Everything
 * opened is released when it returns, whether it succeeded or not.
 */
public final class CaptureRun {
	private final CameraManager cameras;
	private final PhotoAccessHelper library;
	private final Duration timeout;

	/** @param timeout how long to wait for each event of a capture */
	public CaptureRun(CameraManager cameras, PhotoAccessHelper library, Duration timeout) {
		this.cameras = cameras;
		this.library = library;
		this.timeout = timeout;
	}

	private sealed interface Event {
	}

	private record Arrived(Object photo, long nanoTime) implements Event {
	}

	private record Ready() implements Event {
	}

	private record Failed(CameraException error) implements Event {
	}

	/**
	 * @return the saved photos, in capture order
	 * @throws CameraException                     what the camera reported
	 * @throws media.library.MediaLibraryException what the library reported while saving
	 * @throws CaptureFailure                      on a timeout or a flow the camera does not offer
	 */
	public List<CapturedPhoto> run(CameraDevice camera, Profile profile, CaptureMode mode, int count)
			throws InterruptedException {
		return run(camera, profile, PhotoDelivery.of(mode), mode, count);
	}

	@SuppressWarnings("unchecked")
	private <P> List<CapturedPhoto> run(CameraDevice camera, Profile profile, PhotoDelivery<P> delivery,
			CaptureMode mode, int count) throws InterruptedException {
		BlockingQueue<Event> events = new LinkedBlockingQueue<>();
		List<Registration> registrations = new ArrayList<>();
		List<CapturedPhoto> taken = new ArrayList<>();
		CameraInput input = cameras.createCameraInput(camera);
		PhotoOutput output = cameras.createPhotoOutput(profile);
		PhotoSession session = cameras.createSession(SceneMode.NORMAL_PHOTO);
		try {
			registrations.add(input.onError(e -> events.add(new Failed(e))));
			registrations.add(session.onError(e -> events.add(new Failed(e))));
			registrations.add(output.onError(e -> events.add(new Failed(e))));
			registrations.add(output.onCaptureReady(() -> events.add(new Ready())));
			input.open();
			session.beginConfig();
			session.addInput(input);
			session.addOutput(output);
			delivery.prepare(output);
			registrations.add(delivery.listen(output, p -> events.add(new Arrived(p, System.nanoTime()))));
			session.commitConfig();
			if (!delivery.fits(output)) {
				throw new CaptureFailure("camera '" + camera.cameraId() + "' does not defer photo delivery: use mode "
						+ "'single' for a full-quality photo at once", false);
			}
			session.start();
			for (int n = 0; n < count; n++) {
				if (n > 0) {
					awaitReady(events, camera);
				}
				long start = System.nanoTime();
				int captureId = output.capture(PhotoCaptureSetting.defaults());
				Arrived arrived = nextPhoto(events, camera);
				PhotoAsset saved = delivery.save(library, (P) arrived.photo());
				taken.add(new CapturedPhoto(captureId, saved,
						TimeUnit.NANOSECONDS.toMillis(arrived.nanoTime() - start)));
			}
			return taken;
		} finally {
			registrations.forEach(Registration::close);
			session.release();
			output.release();
			input.close();
		}
	}

	private Arrived nextPhoto(BlockingQueue<Event> events, CameraDevice camera) throws InterruptedException {
		while (true) {
			switch (next(events, camera, "photo")) {
				case Arrived arrived -> {
					return arrived;
				}
				case Ready ignored -> {
					// the readiness of an earlier capture: the photo comes next
				}
				case Failed failed -> throw failed.error();
			}
		}
	}

	private void awaitReady(BlockingQueue<Event> events, CameraDevice camera) throws InterruptedException {
		while (true) {
			switch (next(events, camera, "readiness for the next capture")) {
				case Ready ignored -> {
					return;
				}
				case Arrived arrived -> throw new CaptureFailure(
						"camera '" + camera.cameraId() + "' delivered a photo nobody asked for", false);
				case Failed failed -> throw failed.error();
			}
		}
	}

	private Event next(BlockingQueue<Event> events, CameraDevice camera, String what) throws InterruptedException {
		Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
		if (event == null) {
			throw new CaptureFailure("camera '" + camera.cameraId() + "' gave no " + what + " within "
					+ timeout.toSeconds() + " s; the capture was abandoned", true);
		}
		return event;
	}
}
