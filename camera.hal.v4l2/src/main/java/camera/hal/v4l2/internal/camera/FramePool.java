package camera.hal.v4l2.internal.camera;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The heap buffers an open device lends its captured frames in, reused from one capture to the next. A capture
 * copies each frame out of its memory-mapped buffer into one of these, because the mapping ends with the capture
 * while the framework may hold the frame longer. The pool never holds more than its capacity: when every buffer
 * is lent, a capture waits a bounded time for one to come back. Thread-safe.
 */
final class FramePool {

	/** One reusable buffer: written through {@link #storage()}, lent through the read-only {@link #lent()}. */
	static final class Pooled {
		private final ByteBuffer storage;
		private final ByteBuffer lent;

		private Pooled(int capacity) {
			storage = ByteBuffer.allocate(capacity);
			lent = storage.asReadOnlyBuffer();
		}

		ByteBuffer storage() {
			return storage;
		}

		/** @return the read-only view lent to the framework, always the same object */
		ByteBuffer lent() {
			return lent;
		}

		int capacity() {
			return storage.capacity();
		}
	}

	private final int capacity;
	private final Deque<Pooled> free = new ArrayDeque<>();
	private int allocated;

	FramePool(int capacity) {
		this.capacity = capacity;
	}

	int capacity() {
		return capacity;
	}

	/**
	 * @return a free buffer of at least {@code bytes}, allocated only while fewer than the capacity exist; empty
	 *         when every buffer stayed lent for {@code timeout}
	 */
	synchronized Optional<Pooled> take(int bytes, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			Pooled reused = free.pollFirst();
			if (reused != null && reused.capacity() >= bytes) {
				return Optional.of(reused);
			}
			if (reused != null) {
				// Too small for this profile: its memory goes back to the heap, a larger one takes its place.
				allocated--;
			}
			if (allocated < capacity) {
				allocated++;
				return Optional.of(new Pooled(bytes));
			}
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				return Optional.empty();
			}
			wait(Math.max(1, left / 1_000_000));
		}
	}

	/** Returns a buffer the framework released. */
	synchronized void giveBack(Pooled buffer) {
		free.addFirst(buffer);
		notifyAll();
	}
}
