package camera.hal.v4l2.internal.device;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import camera.hal.v4l2.internal.syscall.SyscallException;
import camera.hal.v4l2.internal.syscall.Syscalls;

/**
 * A capture driver as the kernel's videobuf2 plays it, for tests where the order of calls depends on threads (a
 * stream, whose leases come back from any thread), which a recorded trace cannot replay. It keeps the queue of
 * buffers the HAL handed over, fills the first one when the test calls {@link #produceFrame}, and drops the frame
 * (counting it in the sequence, as vivid does) when none is queued. Poll waits for a filled buffer; STREAMOFF
 * takes every buffer back and wakes it. {@link #unplug()} plays a device that went away. Thread-safe.
 */
public final class FakeVideoKernel implements Syscalls {
	private static final int FD = 5;
	private static final long PAGE = 4096;
	private static final VarHandle FMT_WIDTH = V4l2Structures.field(V4l2Structures.FORMAT, "fmt", "pix", "width");
	private static final VarHandle FMT_HEIGHT = V4l2Structures.field(V4l2Structures.FORMAT, "fmt", "pix", "height");
	private static final VarHandle FMT_BYTES_PER_LINE = V4l2Structures.field(V4l2Structures.FORMAT, "fmt", "pix",
			"bytesperline");
	private static final VarHandle FMT_SIZE_IMAGE = V4l2Structures.field(V4l2Structures.FORMAT, "fmt", "pix",
			"sizeimage");
	private static final VarHandle REQUEST_COUNT = V4l2Structures.field(V4l2Structures.REQUEST_BUFFERS, "count");
	private static final VarHandle INDEX = V4l2Structures.field(V4l2Structures.BUFFER, "index");
	private static final VarHandle BYTES_USED = V4l2Structures.field(V4l2Structures.BUFFER, "bytesused");
	private static final VarHandle FLAGS = V4l2Structures.field(V4l2Structures.BUFFER, "flags");
	private static final VarHandle SECONDS = V4l2Structures.field(V4l2Structures.BUFFER, "timestamp", "tv_sec");
	private static final VarHandle MICROS = V4l2Structures.field(V4l2Structures.BUFFER, "timestamp", "tv_usec");
	private static final VarHandle SEQUENCE = V4l2Structures.field(V4l2Structures.BUFFER, "sequence");
	private static final VarHandle OFFSET = V4l2Structures.field(V4l2Structures.BUFFER, "m", "offset");
	private static final VarHandle LENGTH = V4l2Structures.field(V4l2Structures.BUFFER, "length");

	private record Filled(int index, int bytesUsed, boolean damaged, long timestampNanos, int sequence) {
	}

	private final Arena arena = Arena.ofAuto();
	private final int maxBuffers;
	private final Map<Long, MemorySegment> memory = new HashMap<>();
	private final Map<Long, Long> liveMappings = new HashMap<>();
	private final Deque<Integer> queued = new ArrayDeque<>();
	private final Deque<Filled> done = new ArrayDeque<>();
	private final List<Integer> queuedOnce = new ArrayList<>();
	private boolean open;
	private boolean streaming;
	private boolean gone;
	private int bufferCount;
	private long bufferLength;
	private int sequence;
	private boolean freeRunning;
	private int dequeueErrno;

	/** @param maxBuffers the most buffers the driver grants */
	public FakeVideoKernel(int maxBuffers) {
		this.maxBuffers = maxBuffers;
	}

	/**
	 * The sensor finishes a frame: the first queued buffer is filled with {@code value}, or flagged as damaged and empty.
	 *
	 * @return whether a buffer took it (false: the driver dropped it)
	 */
	public synchronized boolean produceFrame(long timestampNanos, byte value, boolean damaged) {
		int number = sequence++;
		Integer index = queued.pollFirst();
		if (index == null) {
			return false;
		}
		memory.get(index * offsetStep()).asSlice(0, bufferLength).fill(value);
		done.addLast(new Filled(index, damaged ? 0 : (int) bufferLength, damaged, timestampNanos, number));
		notifyAll();
		return true;
	}

	/** From now on the sensor runs by itself: a poll finds a frame whenever a buffer is queued (for captures). */
	public synchronized FakeVideoKernel freeRunning() {
		freeRunning = true;
		return this;
	}

	/** The next DQBUF fails with this errno, as a driver that met a hardware error does. */
	public synchronized void failNextDequeue(int errno) {
		dequeueErrno = errno;
	}

	/** Waits until the HAL stopped streaming, at most {@code timeoutMillis}. @return whether it stopped */
	public synchronized boolean awaitStreamOff(long timeoutMillis) throws InterruptedException {
		long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
		while (streaming) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				return false;
			}
			wait(Math.max(1, left / 1_000_000));
		}
		return true;
	}

	/** The device goes away: every later ioctl fails with ENODEV and poll reports POLLERR | POLLHUP. */
	public synchronized void unplug() {
		gone = true;
		notifyAll();
	}

	public synchronized int queuedBuffers() {
		return queued.size();
	}

	public synchronized int liveMappings() {
		return liveMappings.size();
	}

	public synchronized boolean streaming() {
		return streaming;
	}

	public synchronized boolean open() {
		return open;
	}

	/** @return how often each buffer was queued, by index */
	public synchronized List<Integer> queueCounts() {
		return List.copyOf(queuedOnce);
	}


	@Override
	public synchronized int open(String path, int flags) {
		if (gone) {
			throw new SyscallException("open " + path, SyscallException.ENODEV);
		}
		open = true;
		return FD;
	}

	@Override
	public synchronized void close(int fd) {
		open = false;
		streaming = false;
		queued.clear();
		done.clear();
		notifyAll();
	}

	@Override
	public synchronized int ioctl(int fd, long request, MemorySegment argument) {
		String name = V4l2Requests.name(request);
		if (gone) {
			throw new SyscallException("ioctl " + name, SyscallException.ENODEV);
		}
		if (!open || fd != FD) {
			throw new SyscallException("ioctl " + name, 9);
		}
		switch (name) {
		case "S_FMT" -> {
			int width = (int) FMT_WIDTH.get(argument);
			int height = (int) FMT_HEIGHT.get(argument);
			FMT_BYTES_PER_LINE.set(argument, 2 * width);
			FMT_SIZE_IMAGE.set(argument, 2 * width * height);
			bufferLength = 2L * width * height;
		}
		case "G_PARM" -> throw new SyscallException("ioctl G_PARM", SyscallException.ENOTTY);
		case "REQBUFS" -> {
			if (streaming) {
				throw new SyscallException("ioctl REQBUFS", SyscallException.EBUSY);
			}
			bufferCount = Math.min((int) REQUEST_COUNT.get(argument), maxBuffers);
			REQUEST_COUNT.set(argument, bufferCount);
			queued.clear();
			done.clear();
			queuedOnce.clear();
			for (int index = 0; index < bufferCount; index++) {
				queuedOnce.add(0);
				memory.computeIfAbsent(index * offsetStep(), offset -> arena.allocate(bufferLength));
			}
		}
		case "QUERYBUF" -> {
			int index = index(argument);
			OFFSET.set(argument, (int) (index * offsetStep()));
			LENGTH.set(argument, (int) bufferLength);
		}
		case "QBUF" -> {
			int index = index(argument);
			if (queued.contains(index) || done.stream().anyMatch(f -> f.index() == index)) {
				throw new SyscallException("ioctl QBUF", SyscallException.EINVAL);
			}
			queued.addLast(index);
			queuedOnce.set(index, queuedOnce.get(index) + 1);
		}
		case "DQBUF" -> {
			if (!streaming) {
				throw new SyscallException("ioctl DQBUF", SyscallException.EINVAL);
			}
			if (dequeueErrno != 0) {
				int errno = dequeueErrno;
				dequeueErrno = 0;
				throw new SyscallException("ioctl DQBUF", errno);
			}
			Filled filled = done.pollFirst();
			if (filled == null) {
				throw new SyscallException("ioctl DQBUF", SyscallException.EAGAIN);
			}
			INDEX.set(argument, filled.index());
			BYTES_USED.set(argument, filled.bytesUsed());
			FLAGS.set(argument, filled.damaged() ? V4l2Requests.BUF_FLAG_ERROR : 0);
			SECONDS.set(argument, filled.timestampNanos() / 1_000_000_000L);
			MICROS.set(argument, filled.timestampNanos() % 1_000_000_000L / 1_000L);
			SEQUENCE.set(argument, filled.sequence());
		}
		case "STREAMON" -> streaming = true;
		case "STREAMOFF" -> {
			streaming = false;
			queued.clear();
			done.clear();
			notifyAll();
		}
		default -> throw new SyscallException("ioctl " + name, SyscallException.ENOTTY);
		}
		return 0;
	}

	@Override
	public synchronized MemorySegment mmap(int fd, long length, long offset) {
		MemorySegment segment = memory.get(offset);
		if (segment == null || gone) {
			throw new SyscallException("mmap", SyscallException.EINVAL);
		}
		liveMappings.put(segment.address(), offset);
		return segment;
	}

	@Override
	public synchronized void munmap(MemorySegment mapping) {
		if (liveMappings.remove(mapping.address()) == null) {
			throw new AssertionError("munmap of memory that is not mapped");
		}
	}

	/** Waits as videobuf2 does: for a filled buffer while streaming; at once with POLLERR when not streaming. */
	@Override
	public synchronized short poll(int fd, short events, int timeoutMillis) {
		long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
		while (true) {
			if (gone) {
				return (short) (POLLERR | POLLHUP);
			}
			if (!streaming) {
				return POLLERR;
			}
			if (freeRunning && done.isEmpty() && !queued.isEmpty()) {
				produceFrame(1_000_000_000L + sequence * 33_000_000L, (byte) sequence, false);
			}
			if (!done.isEmpty()) {
				return POLLIN;
			}
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				return 0;
			}
			try {
				wait(Math.max(1, left / 1_000_000));
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return 0;
			}
		}
	}


	private long offsetStep() {
		return (bufferLength + PAGE - 1) / PAGE * PAGE;
	}

	private int index(MemorySegment argument) {
		int index = (int) INDEX.get(argument);
		if (index < 0 || index >= bufferCount) {
			throw new SyscallException("ioctl", SyscallException.EINVAL);
		}
		return index;
	}
}
