package camera.deferred.internal.framework;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

import camera.api.CameraErrorCode;
import camera.api.CameraException;
import camera.api.hal.FrameLease;
import camera.api.hal.FrameSink;
import camera.api.hal.RawFrame;

/**
 * The zero-shutter-lag ring of a streaming camera: the latest frames it lent, oldest given back first as new ones
 * arrive, so that a capture takes frames the sensor already delivered instead of waiting for new ones. A capture
 * takes the frames nearest its press; the ring then fills again from the stream. Thread-safe: the stream adds on
 * the HAL's thread, captures take on theirs.
 */
final class ZslRing implements FrameSink {
	private final String cameraId;
	private final int depth;
	private final Deque<FrameLease> frames = new ArrayDeque<>();
	private boolean closed;

	/** @param depth frames kept at most */
	ZslRing(String cameraId, int depth) {
		if (depth < 1) {
			throw new IllegalArgumentException("a ring keeps at least one frame");
		}
		this.cameraId = cameraId;
		this.depth = depth;
	}

	@Override
	public void shutter(long timestampNanos) {
		// each frame carries its own timestamp
	}

	@Override
	public void frame(RawFrame frame) {
		frame(new FrameLease(frame, () -> {
		}));
	}

	@Override
	public void frame(FrameLease lease) {
		List<FrameLease> old = new ArrayList<>();
		synchronized (this) {
			if (closed) {
				old.add(lease);
			} else {
				frames.addLast(lease);
				while (frames.size() > depth) {
					old.add(frames.removeFirst());
				}
				notifyAll();
			}
		}
		// given back outside the lock: a HAL may do work (a V4L2 QBUF) when it gets a buffer back
		old.forEach(FrameLease::release);
	}

	/**
	 * Takes the frames nearest the press, waiting for the ring to hold that many.
	 *
	 * @param count      frames wanted, at most the ring's depth
	 * @param pressNanos when the capture was asked for, on the sensor's clock ({@link System#nanoTime()})
	 * @return the frames, nearest the press first; they are the caller's to release
	 * @throws CameraException SERVICE_FATAL_ERROR when the ring holds no frame within the timeout, DEVICE_DISABLED
	 *         when the ring was closed (its stream stopped)
	 */
	synchronized List<FrameLease> take(int count, long pressNanos, Duration timeout) {
		int wanted = Math.min(count, depth);
		long deadline = System.nanoTime() + timeout.toNanos();
		try {
			while (!closed && frames.size() < wanted) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					break;
				}
				TimeUnit.NANOSECONDS.timedWait(this, left);
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new CameraException(CameraErrorCode.SERVICE_FATAL_ERROR,
					"a capture on camera " + cameraId + " was interrupted while waiting for frames", e);
		}
		if (closed) {
			throw new CameraException(CameraErrorCode.DEVICE_DISABLED, "camera " + cameraId + " stopped streaming");
		}
		if (frames.isEmpty()) {
			throw new CameraException(CameraErrorCode.SERVICE_FATAL_ERROR,
					"camera " + cameraId + " streamed no frame within " + timeout.toMillis() + " ms");
		}
		List<FrameLease> nearest = new ArrayList<>(frames);
		nearest.sort(Comparator.comparingLong(lease -> Math.abs(timestamp(lease) - pressNanos)));
		nearest = new ArrayList<>(nearest.subList(0, Math.min(wanted, nearest.size())));
		frames.removeAll(nearest);
		return nearest;
	}

	/** Gives every frame back; frames that arrive later are given back at once, and waiting captures fail. */
	void close() {
		List<FrameLease> held;
		synchronized (this) {
			closed = true;
			held = new ArrayList<>(frames);
			frames.clear();
			notifyAll();
		}
		held.forEach(FrameLease::release);
	}

	private static long timestamp(FrameLease lease) {
		return lease.frame().metadata().timestampNanos();
	}
}
