package camera.deferred.internal.framework;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

import camera.api.CaptureTimingEvents;

/**
 * When each stage of one capture ended, on the monotonic clock, from the press on: each stage marks its own end
 * once, on whatever thread it runs, and the pipeline reads the whole once the photo event was fired.
 */
final class CaptureTimeline {
	enum Mark {
		SHUTTER, FIRST_FRAME, DEVELOP_START, DEVELOPED, ENCODED, SPOOLED, ASSET_START, ASSET_WRITTEN, DELIVERED
	}

	private static final long UNSET = Long.MIN_VALUE;

	private final long pressNanos;
	private final AtomicLongArray marks = new AtomicLongArray(Mark.values().length);

	CaptureTimeline(long pressNanos) {
		this.pressNanos = pressNanos;
		for (int i = 0; i < marks.length(); i++) {
			marks.set(i, UNSET);
		}
	}

	/** @return when the app asked for the capture, {@link System#nanoTime()} */
	long pressNanos() {
		return pressNanos;
	}

	/** Marks the end of a stage now; only the first mark of a stage counts. */
	void mark(Mark mark) {
		mark(mark, System.nanoTime());
	}

	/** Marks a stage at a moment of the monotonic clock (the sensor's timestamp of the shutter). */
	void mark(Mark mark, long nanoTime) {
		marks.compareAndSet(mark.ordinal(), UNSET, nanoTime);
	}

	/** @return the event properties of {@link CaptureTimingEvents}, the stages passed through only */
	Map<String, Object> properties(int captureId, String cameraId, String delivery) {
		Map<String, Object> properties = new HashMap<>();
		properties.put(CaptureTimingEvents.CAPTURE_ID, captureId);
		properties.put(CaptureTimingEvents.CAMERA_ID, cameraId);
		properties.put(CaptureTimingEvents.DELIVERY, delivery);
		span(properties, CaptureTimingEvents.SHUTTER_LAG_NANOS, pressNanos, at(Mark.SHUTTER));
		span(properties, CaptureTimingEvents.WAIT_FOR_FRAME_NANOS, pressNanos, at(Mark.FIRST_FRAME));
		span(properties, CaptureTimingEvents.DEVELOP_NANOS, at(Mark.DEVELOP_START), at(Mark.DEVELOPED));
		span(properties, CaptureTimingEvents.ENCODE_NANOS, at(Mark.DEVELOPED), at(Mark.ENCODED));
		span(properties, CaptureTimingEvents.SPOOL_WRITE_NANOS, at(Mark.FIRST_FRAME), at(Mark.SPOOLED));
		span(properties, CaptureTimingEvents.ASSET_WRITE_NANOS, at(Mark.ASSET_START), at(Mark.ASSET_WRITTEN));
		span(properties, CaptureTimingEvents.TOTAL_NANOS, pressNanos, at(Mark.DELIVERED));
		return properties;
	}

	private long at(Mark mark) {
		return marks.get(mark.ordinal());
	}

	private static void span(Map<String, Object> properties, String key, long from, long to) {
		if (from != UNSET && to != UNSET) {
			properties.put(key, to - from);
		}
	}
}
