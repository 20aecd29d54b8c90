package camera.hal.sim.internal.camera;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import camera.api.CameraErrorCode;
import camera.api.CameraException;
import camera.api.Size;
import camera.api.hal.FrameLease;
import camera.api.hal.FrameSink;
import camera.api.hal.HalCaptureRequest;
import camera.api.hal.HalDevice;
import camera.api.hal.HalStream;
import camera.api.hal.HalStreamRequest;
import camera.api.hal.RawFrame;
import camera.hal.sim.internal.scene.SeedMixer;

/**
 * An opened simulated camera. A capture takes each frame of the burst from the sensor's frame buffers (or renders
 * it, without buffers), waits out the timing model and lends the frame to the sink on the caller's thread; every
 * wait ends early when the device is closed or the camera goes away, so a capture never hangs. A frame that finds
 * every buffer lent for longer than {@value #BUFFER_WAIT_MILLIS} ms is dropped. A camera with buffers and no fault
 * planned also streams (faults are numbered by capture, which a stream has none of).
 * <p>
 * Error codes of {@link #capture}: INVALID_ARGUMENT for a size, format or frame count the camera does not
 * offer; DEVICE_DISABLED when the device was closed, the camera was unplugged (drop fault) or is being stopped;
 * SERVICE_FATAL_ERROR for the fail fault. The corrupt fault delivers a frame that is detectably broken instead.
 */
final class SimulatedDevice implements HalDevice {
	private static final long NOISE_STREAM = 0x6E6F697365L;
	static final long BUFFER_WAIT_MILLIS = 500;
	private static final long BUFFER_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

	private final SimulatedCamera camera;
	/** Counted down once, by close or by the camera going away. */
	private final CountDownLatch released = new CountDownLatch(1);
	private final Lock oneCaptureAtATime = new ReentrantLock();
	private final AtomicReference<SimulatedStream> stream = new AtomicReference<>();
	private final AtomicLong dropped = new AtomicLong();

	SimulatedDevice(SimulatedCamera camera) {
		this.camera = camera;
	}

	@Override
	public void capture(HalCaptureRequest request, FrameSink sink) {
		Objects.requireNonNull(request, "request");
		Objects.requireNonNull(sink, "sink");
		SimulatedCamera.Setup setup = camera.setup();
		CameraSettings settings = setup.settings();
		checkOffered(request, settings);
		if (request.frameCount() > settings.capabilities().maxBurst()) {
			throw new CameraException(CameraErrorCode.INVALID_ARGUMENT, "camera " + settings.info().id()
					+ " delivers at most " + settings.capabilities().maxBurst() + " frames, not " + request.frameCount());
		}
		Lock running = camera.captureActivity();
		if (!running.tryLock()) {
			throw disabled("is stopping");
		}
		try {
			oneCaptureAtATime.lockInterruptibly();
			try {
				checkConnected();
				captureBurst(request, sink, setup);
			} finally {
				oneCaptureAtATime.unlock();
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw disabled("was interrupted while waiting for another capture");
		} finally {
			running.unlock();
		}
	}

	@Override
	public Optional<HalStream> stream(HalStreamRequest request, FrameSink sink) {
		Objects.requireNonNull(request, "request");
		Objects.requireNonNull(sink, "sink");
		SimulatedCamera.Setup setup = camera.setup();
		CameraSettings settings = setup.settings();
		if (!settings.offers(request.size(), request.format())) {
			throw new CameraException(CameraErrorCode.INVALID_ARGUMENT, "camera " + settings.info().id()
					+ " offers no profile " + request.size() + " " + request.format());
		}
		if (setup.buffers() == null || settings.faults().any()) {
			return Optional.empty();
		}
		checkConnected();
		SimulatedStream started = new SimulatedStream(request.size(), setup, sink, released);
		if (!stream.compareAndSet(null, started)) {
			throw new CameraException(CameraErrorCode.OPERATION_NOT_ALLOWED,
					"camera " + settings.info().id() + " already streams");
		}
		camera.prepareInBackground(setup, request.size());
		started.start(camera);
		return Optional.of(new HalStream() {
			@Override
			public long droppedFrames() {
				return started.droppedFrames();
			}

			@Override
			public void close() {
				started.close();
				stream.compareAndSet(started, null);
			}
		});
	}

	/** @return frames of captures dropped because every buffer was lent, since the device was opened */
	long droppedFrames() {
		return dropped.get();
	}

	@Override
	public void close() {
		released.countDown();
		camera.released(this);
	}

	/** The camera went away under this device. */
	void disconnect() {
		released.countDown();
	}

	private void captureBurst(HalCaptureRequest request, FrameSink sink, SimulatedCamera.Setup setup) {
		CameraSettings settings = setup.settings();
		FaultPlan faults = settings.faults();
		int number = camera.nextCaptureNumber();
		if (faults.delayMillis() > 0) {
			await(TimeUnit.MILLISECONDS.toNanos(faults.delayMillis()));
		}
		if (faults.fails(number)) {
			throw new CameraException(CameraErrorCode.SERVICE_FATAL_ERROR,
					"camera " + settings.info().id() + ": simulated sensor failure on capture " + number);
		}
		long captureSeed = SeedMixer.mix(SeedMixer.mix(settings.sceneSeed(), NOISE_STREAM), number);
		long period = settings.timing().framePeriodNanos();
		long start = System.nanoTime();
		sink.shutter(start);
		for (int index = 0;; index++) {
			if (faults.drops(number, index, request.frameCount())) {
				camera.unplug(faults.reattachMillis());
				throw disabled("was unplugged after " + index + " frames of capture " + number);
			}
			if (index == request.frameCount()) {
				return;
			}
			await(start + (index + 1) * period - System.nanoTime());
			checkConnected();
			deliver(sink, setup, request.size(), captureSeed, index, start + index * period,
					faults.corrupts(number, index) ? faults.corruption() : null);
		}
	}

	/** Lends the frame in a buffer (a corrupt one is spoilt in a copy of its own), or renders it without buffers. */
	private void deliver(FrameSink sink, SimulatedCamera.Setup setup, Size size, long captureSeed, int index,
			long timestamp, Corruption corruption) {
		FrameBuffers buffers = setup.buffers();
		if (buffers == null) {
			ByteBuffer samples = setup.renderedSamples(size, captureSeed, index);
			if (corruption != null) {
				corruption.spoil(samples, size.width() * 2, size.height());
			}
			sink.frame(setup.rawFrame(size, samples, timestamp));
			return;
		}
		Optional<FrameBuffers.Lent> lent = awaitBuffer(buffers, size);
		if (lent.isEmpty()) {
			dropped.incrementAndGet();
			return;
		}
		FrameLease lease = new FrameLease(setup.rawFrame(size, lent.get().samples(), timestamp), lent.get().giveBack());
		if (corruption == null) {
			sink.frame(lease);
			return;
		}
		RawFrame spoilt = lease.copy();
		lease.release();
		corruption.spoil(spoilt.data(), size.width() * 2, size.height());
		sink.frame(spoilt);
	}

	/** @return a free buffer, waiting a bounded time for the framework to release one; empty when none came back */
	private Optional<FrameBuffers.Lent> awaitBuffer(FrameBuffers buffers, Size size) {
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BUFFER_WAIT_MILLIS);
		while (true) {
			Optional<FrameBuffers.Lent> lent = buffers.lend(size);
			if (lent.isPresent() || System.nanoTime() >= deadline) {
				return lent;
			}
			await(BUFFER_POLL_NANOS);
		}
	}

	private static void checkOffered(HalCaptureRequest request, CameraSettings settings) {
		if (!settings.offers(request.size(), request.format())) {
			throw new CameraException(CameraErrorCode.INVALID_ARGUMENT, "camera " + settings.info().id()
					+ " offers no profile " + request.size() + " " + request.format());
		}
	}

	/** Waits up to nanos; fails with DEVICE_DISABLED as soon as the device is released. */
	private void await(long nanos) {
		if (nanos <= 0) {
			return;
		}
		try {
			if (released.await(nanos, TimeUnit.NANOSECONDS)) {
				throw disabled("was closed or went away during a capture");
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw disabled("was interrupted during a capture");
		}
	}

	private void checkConnected() {
		if (released.getCount() == 0) {
			throw disabled("is closed or gone");
		}
	}

	private CameraException disabled(String what) {
		return new CameraException(CameraErrorCode.DEVICE_DISABLED,
				"camera " + camera.setup().settings().info().id() + " " + what);
	}
}
