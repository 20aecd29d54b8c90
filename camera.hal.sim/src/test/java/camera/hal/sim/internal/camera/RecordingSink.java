package camera.hal.sim.internal.camera;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import camera.api.hal.FrameSink;
import camera.api.hal.RawFrame;

/** Keeps what a capture delivered. */
final class RecordingSink implements FrameSink {
	final List<Long> shutters = new CopyOnWriteArrayList<>();
	final List<RawFrame> frames = new CopyOnWriteArrayList<>();
	private final CountDownLatch shuttered = new CountDownLatch(1);

	@Override
	public void shutter(long timestampNanos) {
		shutters.add(timestampNanos);
		shuttered.countDown();
	}

	/** Waits until the capture's shutter fired; the timeout only bounds a failure. */
	void awaitShutter() throws InterruptedException {
		if (!shuttered.await(10, TimeUnit.SECONDS)) {
			throw new AssertionError("the capture never fired its shutter");
		}
	}

	@Override
	public void frame(RawFrame frame) {
		frames.add(frame);
	}
}
