package camera.hal.sim.internal.camera;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import camera.api.Size;
import camera.api.hal.FrameLease;
import camera.api.hal.FrameSink;
import camera.api.hal.HalStream;

/**
 * A simulated camera streaming: one frame per period, each lent in one of the sensor's {@link FrameBuffers}, on the
 * stream's own thread, until the stream is closed or the device is released. A frame whose period finds no rendered
 * buffer free (every one lent, or the rest still being rendered in the background) is dropped and counted.
 */
final class SimulatedStream implements HalStream {
	private final Size size;
	private final SimulatedCamera.Setup setup;
	private final FrameSink sink;
	private final CountDownLatch deviceReleased;
	private final CountDownLatch closed = new CountDownLatch(1);
	private final AtomicLong dropped = new AtomicLong();
	private volatile Thread thread;

	SimulatedStream(Size size, SimulatedCamera.Setup setup, FrameSink sink, CountDownLatch deviceReleased) {
		this.size = size;
		this.setup = setup;
		this.sink = sink;
		this.deviceReleased = deviceReleased;
	}

	void start(SimulatedCamera camera) {
		thread = camera.startThread("stream", () -> run(camera));
	}

	@Override
	public long droppedFrames() {
		return dropped.get();
	}

	@Override
	public void close() {
		closed.countDown();
		Thread running = thread;
		if (running != null && running != Thread.currentThread()) {
			try {
				running.join(TimeUnit.SECONDS.toMillis(5));
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private void run(SimulatedCamera camera) {
		long period = setup.settings().timing().streamPeriodNanos();
		long next = System.nanoTime() + period;
		while (waitUntil(next)) {
			long exposureStart = next - period;
			next += period;
			if (System.nanoTime() > next) {
				next = System.nanoTime() + period;
			}
			Optional<FrameBuffers.Lent> lent = setup.buffers().lendRendered(size);
			if (lent.isEmpty()) {
				dropped.incrementAndGet();
				continue;
			}
			FrameLease lease = new FrameLease(setup.rawFrame(size, lent.get().samples(), exposureStart),
					lent.get().giveBack());
			try {
				sink.frame(lease);
			} catch (RuntimeException e) {
				lease.release();
				camera.log().error("camera {}: the stream's receiver failed on a frame: {}",
						setup.settings().info().id(), e.toString());
			}
		}
	}

	/** @return false when the stream was closed or the device released before the moment */
	private boolean waitUntil(long nanoTime) {
		try {
			long wait = nanoTime - System.nanoTime();
			if (closed.await(Math.max(0, wait), TimeUnit.NANOSECONDS)) {
				return false;
			}
			return deviceReleased.getCount() > 0;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}
}
