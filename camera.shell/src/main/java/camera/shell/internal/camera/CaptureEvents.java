package camera.shell.internal.camera;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import camera.api.CameraException;
import camera.api.FrameShutterInfo;
import camera.shell.internal.console.CommandFailure;

/**
 * The events of one capture command in the order the output fired them, handed from the output's event thread
 * to the command's thread so that listeners never block and all saving and printing happens on the command's
 * thread.
 *
 * @param <P> what the photo event delivers
 */
final class CaptureEvents<P> {
	private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
	/** Shutter times by capture id, in milliseconds since the epoch: the shutter comes before its photo. */
	private final Map<Integer, Long> shutters = new ConcurrentHashMap<>();
	private final Duration timeout;

	CaptureEvents(Duration timeout) {
		this.timeout = timeout;
	}

	sealed interface Event {
	}

	record Arrived<P>(P photo, long nanoTime) implements Event {
	}

	record Ready() implements Event {
	}

	record Failed(CameraException error) implements Event {
	}

	void photo(P photo) {
		events.add(new Arrived<>(photo, System.nanoTime()));
	}

	void shutter(FrameShutterInfo info) {
		shutters.put(info.captureId(), info.timestamp());
	}

	/** @return when the capture's first frame began its exposure, in milliseconds since the epoch, if known */
	OptionalLong shutterOf(int captureId) {
		Long timestamp = shutters.remove(captureId);
		return timestamp == null ? OptionalLong.empty() : OptionalLong.of(timestamp);
	}

	void ready() {
		events.add(new Ready());
	}

	void failed(CameraException error) {
		events.add(new Failed(error));
	}

	/**
	 * Waits for the photo of the capture in flight.
	 *
	 * @throws CameraException the error the camera reported instead
	 * @throws CommandFailure  when nothing arrives within the timeout
	 */
	@SuppressWarnings("unchecked")
	Arrived<P> nextPhoto(String cameraId) throws InterruptedException {
		while (true) {
			switch (next(cameraId, "photo")) {
				case Arrived<?> arrived -> {
					return (Arrived<P>) arrived;
				}
				case Ready ignored -> {
					// the readiness of an earlier capture: the photo comes next
				}
				case Failed failed -> throw failed.error();
			}
		}
	}

	/** Waits until the output is ready for the next capture. */
	void awaitReady(String cameraId) throws InterruptedException {
		while (true) {
			switch (next(cameraId, "readiness for the next capture")) {
				case Ready ignored -> {
					return;
				}
				case Arrived<?> arrived -> throw new CommandFailure(
						"camera '" + cameraId + "' delivered a photo nobody asked for");
				case Failed failed -> throw failed.error();
			}
		}
	}

	private Event next(String cameraId, String what) throws InterruptedException {
		Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
		if (event == null) {
			throw new CommandFailure("camera '" + cameraId + "' gave no " + what + " within " + timeout.toSeconds()
					+ " s; the capture was abandoned");
		}
		return event;
	}
}
