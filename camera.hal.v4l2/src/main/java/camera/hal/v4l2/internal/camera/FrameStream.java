package camera.hal.v4l2.internal.camera;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.osgi.service.log.Logger;

import camera.api.CameraErrorCode;
import camera.api.CameraException;
import camera.api.hal.FrameLease;
import camera.api.hal.FrameSink;
import camera.api.hal.HalStream;
import camera.api.hal.HalStreamRequest;
import camera.hal.v4l2.internal.device.VideoDevice;
import camera.hal.v4l2.internal.device.VideoDevice.FilledBuffer;
import camera.hal.v4l2.internal.syscall.SyscallException;

/**
 * A stream by memory-mapped streaming: the driver fills a fixed set of mapped buffers, and each filled one is lent
 * to the sink as it is, a read-only view of the mapping (no copy). Releasing a lease queues its buffer again,
 * from whatever thread releases it. While every buffer is lent the driver has nothing to fill and drops frames
 * itself; the stream counts them from the gaps in the driver's sequence numbers (a driver that numbers only the
 * frames it delivers shows no drops).
 * <p>
 * Closing stops the thread and the driver, and unmaps each buffer once it is back: a buffer still lent stays
 * mapped until its release, however late. One lock, this object's monitor, guards the buffers' states and every
 * ioctl that changes them; the sink is called outside it.
 */
final class FrameStream implements HalStream {
	private enum State {
		QUEUED, LENT, BACK
	}

	private final VideoDevice device;
	private final String camera;
	private final CaptureSettings settings;
	private final FrameFormat format;
	private final FrameSink sink;
	private final Logger log;
	private final Runnable onDeviceLost;
	private final List<MappedBuffer> buffers = new ArrayList<>();
	private final List<State> states = new ArrayList<>();
	private final Thread thread;
	private boolean requested;
	private boolean running;
	private boolean closed;
	private boolean awaitingFrames;
	private long lastSequence = -1;
	private volatile long dropped;

	private FrameStream(VideoDevice device, String camera, CaptureSettings settings, FrameFormat format,
			FrameSink sink, Logger log, Runnable onDeviceLost) {
		this.device = device;
		this.camera = camera;
		this.settings = settings;
		this.format = format;
		this.sink = sink;
		this.log = log;
		this.onDeviceLost = onDeviceLost;
		this.thread = Thread.ofPlatform().daemon().name("darkroom-v4l2-stream-" + camera).unstarted(this::deliver);
	}

	/**
	 * Sets the format, maps and queues the buffers, starts the driver and the streaming thread.
	 *
	 * @param onDeviceLost called on the streaming thread when the device went away during the stream
	 * @throws CameraException INVALID_ARGUMENT for a size the driver adjusts, or the errno's camera error; nothing
	 *         stays mapped then
	 */
	static FrameStream start(VideoDevice device, String camera, CaptureSettings settings, HalStreamRequest request,
			int fourcc, FrameSink sink, Logger log, Runnable onDeviceLost) {
		FrameStream stream = null;
		try {
			FrameFormat format = FrameFormat.set(device, camera, request.size(), request.format(), fourcc);
			stream = new FrameStream(device, camera, settings, format, sink, log, onDeviceLost);
			stream.mapAndStart();
		} catch (SyscallException e) {
			throw stream == null ? Faults.toCameraException(camera, "set up streaming", e)
					: stream.abandon(Faults.toCameraException(camera, "set up streaming", e));
		} catch (RuntimeException e) {
			throw stream == null ? e : stream.abandon(e);
		}
		stream.thread.start();
		log.info("camera {} streams {} {} in {} mapped buffers", camera, request.size(), request.format(),
				stream.buffers.size());
		return stream;
	}

	private synchronized void mapAndStart() {
		int granted = device.requestBuffers(settings.streamBuffers());
		requested = true;
		if (granted < 2) {
			throw new CameraException(CameraErrorCode.SERVICE_FATAL_ERROR,
					"camera " + camera + " granted " + granted + " buffers for streaming; it needs 2");
		}
		for (int index = 0; index < granted; index++) {
			buffers.add(new MappedBuffer(index, device.map(device.queryBuffer(index))));
			states.add(State.BACK);
		}
		for (int index = 0; index < granted; index++) {
			device.queue(index);
			states.set(index, State.QUEUED);
		}
		device.streamOn();
		running = true;
	}

	/** Undoes a failed start: nothing was lent yet, so every mapped buffer goes. */
	private synchronized RuntimeException abandon(RuntimeException failure) {
		closed = true;
		for (MappedBuffer buffer : buffers) {
			try {
				buffer.unmap(device);
			} catch (RuntimeException e) {
				failure.addSuppressed(e);
			}
		}
		try {
			if (requested) {
				device.requestBuffers(0);
			}
		} catch (SyscallException e) {
			failure.addSuppressed(e);
		}
		return failure;
	}

	@Override
	public long droppedFrames() {
		return dropped;
	}

	/** @return whether frames still arrive: not closed and not ended by a failure */
	synchronized boolean running() {
		return running;
	}

	/** @return whether the stream is closed and every buffer it lent came back */
	synchronized boolean finished() {
		return closed && !states.contains(State.LENT);
	}

	/** The streaming thread: wait for a filled buffer, take it from the driver, lend it; until closed or failed. */
	private void deliver() {
		try {
			while (true) {
				short events = device.awaitFrame(settings.pollTimeout());
				Optional<FrameLease> lease;
				synchronized (this) {
					if (!running) {
						return;
					}
					lease = next(events);
				}
				lease.ifPresent(this::lend);
			}
		} catch (SyscallException e) {
			failed(e);
		}
	}

	/** Called with the lock held. @return the next lease, empty when the driver has none yet */
	private Optional<FrameLease> next(short events) {
		if (events == 0) {
			// Every buffer lent is the framework's choice and not news; queued buffers left unfilled are.
			if (states.contains(State.QUEUED) && !awaitingFrames) {
				awaitingFrames = true;
				log.warn("camera {} filled no buffer within {} ms; the stream waits on", camera,
						settings.pollTimeout().toMillis());
			}
			return Optional.empty();
		}
		// On POLLERR or POLLHUP the dequeue tells why (ENODEV when the device went away).
		Optional<FilledBuffer> filled = device.dequeue();
		if (filled.isEmpty()) {
			return Optional.empty();
		}
		awaitingFrames = false;
		FilledBuffer buffer = filled.get();
		countDrops(buffer.sequence());
		if (buffer.damaged() || buffer.bytesUsed() == 0) {
			log.debug("camera {} requeues damaged frame {}", camera, Integer.toUnsignedLong(buffer.sequence()));
			device.queue(buffer.index());
			return Optional.empty();
		}
		states.set(buffer.index(), State.LENT);
		MappedBuffer mapped = buffers.get(buffer.index());
		return Optional.of(new FrameLease(format.frame(mapped.view(buffer.bytesUsed()), buffer),
				() -> giveBack(mapped)));
	}

	private void countDrops(int sequence) {
		long current = Integer.toUnsignedLong(sequence);
		if (lastSequence >= 0) {
			long gap = (current - lastSequence - 1) & 0xffff_ffffL;
			// A driver restarting its count (or numbering backwards) is no loss of billions of frames.
			if (gap < 1 << 30) {
				dropped += gap;
			}
		}
		lastSequence = current;
	}

	private void lend(FrameLease lease) {
		try {
			sink.frame(lease);
		} catch (RuntimeException e) {
			// A sink that failed may have dropped the lease: without the release its buffer would never come back.
			lease.release();
			log.error("camera {}: the stream's sink failed on a frame", camera, e);
		}
	}

	/** Gives a lent buffer back: to the driver while streaming, else unmapped when the stream is closed. */
	private synchronized void giveBack(MappedBuffer buffer) {
		int index = buffer.index();
		if (states.get(index) != State.LENT) {
			return;
		}
		states.set(index, State.BACK);
		if (running) {
			try {
				device.queue(index);
				states.set(index, State.QUEUED);
			} catch (SyscallException e) {
				// The streaming thread meets the same failure on its next dequeue and ends the stream.
				log.warn("camera {} could not queue buffer {} again: {}", camera, index, e.getMessage());
			}
		} else if (closed) {
			unmap(buffer);
		}
		notifyAll();
	}

	private void failed(SyscallException e) {
		CameraException failure = Faults.toCameraException(camera, "stream", e);
		synchronized (this) {
			if (!running) {
				// Closing stopped the driver under the thread's feet: not a failure.
				return;
			}
			running = false;
			try {
				// A driver that failed but is still there must not stay streaming: the next stream needs it.
				device.streamOff();
			} catch (SyscallException again) {
				failure.addSuppressed(again);
			}
			for (int index = 0; index < states.size(); index++) {
				if (states.get(index) == State.QUEUED) {
					states.set(index, State.BACK);
				}
			}
		}
		log.error("camera {}: the stream ended: {}", camera, failure.getMessage(), failure);
		if (failure.errorCode() == CameraErrorCode.DEVICE_DISABLED) {
			onDeviceLost.run();
		}
	}

	/**
	 * Stops the driver and the streaming thread, returning when no frame is delivered any more, and unmaps every
	 * buffer that is back; the lent ones are unmapped at their release.
	 */
	@Override
	public void close() {
		synchronized (this) {
			if (closed) {
				return;
			}
			closed = true;
			if (running) {
				running = false;
				try {
					// Also wakes the streaming thread from its poll.
					device.streamOff();
				} catch (SyscallException e) {
					log.warn("camera {} could not stop streaming: {}", camera, e.getMessage());
				}
			}
			for (int index = 0; index < states.size(); index++) {
				if (states.get(index) == State.QUEUED) {
					states.set(index, State.BACK);
				}
			}
		}
		awaitThread();
		synchronized (this) {
			for (int index = 0; index < buffers.size(); index++) {
				if (states.get(index) == State.BACK) {
					unmap(buffers.get(index));
				}
			}
			if (buffers.stream().allMatch(MappedBuffer::unmapped)) {
				try {
					device.requestBuffers(0);
				} catch (SyscallException e) {
					log.debug("camera {} could not free its stream buffers: {}", camera, e.getMessage());
				}
			}
		}
	}

	private void awaitThread() {
		if (Thread.currentThread() == thread) {
			return;
		}
		try {
			if (!thread.join(settings.pollTimeout().plusSeconds(1))) {
				log.error("camera {}: the streaming thread did not stop; its sink may be blocked", camera);
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			log.warn("camera {}: interrupted while the streaming thread stops", camera);
		}
	}

	/**
	 * Waits until every lent frame was released, at most {@code timeout}.
	 *
	 * @return how many frames are still lent
	 */
	synchronized int awaitReleases(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (states.contains(State.LENT)) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				break;
			}
			wait(Math.max(1, left / 1_000_000));
		}
		return (int) states.stream().filter(state -> state == State.LENT).count();
	}

	private void unmap(MappedBuffer buffer) {
		try {
			buffer.unmap(device);
		} catch (IllegalStateException e) {
			log.error("camera {}: buffer {} is still in use after its release and stays mapped", camera,
					buffer.index(), e);
		} catch (SyscallException e) {
			log.error("camera {} could not unmap buffer {}: {}", camera, buffer.index(), e.getMessage());
		}
	}
}
