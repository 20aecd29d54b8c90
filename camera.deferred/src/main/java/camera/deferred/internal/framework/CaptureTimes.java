package camera.deferred.internal.framework;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The estimated time of a capture for {@code captureStartWithInfo}: how long the camera's recent captures took
 * from the press to their last frame, smoothed; before a camera's first capture, its burst at a nominal frame
 * time. Thread-safe.
 */
final class CaptureTimes {
	/** A frame every 33 ms (30 fps): what a camera that has not captured yet is assumed to take per frame. */
	static final long NOMINAL_FRAME_MILLIS = 33;

	private final Map<String, Long> smoothedMillis = new ConcurrentHashMap<>();

	/** @return the estimated milliseconds of a capture of {@code frames} frames on that camera; never negative */
	long estimate(String cameraId, int frames) {
		Long measured = smoothedMillis.get(cameraId);
		return measured != null ? measured : NOMINAL_FRAME_MILLIS * Math.max(1, frames);
	}

	/** Records how long a capture of that camera took; recent captures weigh more. */
	void record(String cameraId, long millis) {
		long taken = Math.max(0, millis);
		smoothedMillis.merge(cameraId, taken, (old, now) -> (old * 3 + now) / 4);
	}
}
