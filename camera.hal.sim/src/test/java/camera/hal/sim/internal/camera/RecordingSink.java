package camera.hal.sim.internal.camera;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import camera.api.hal.FrameSink;
import camera.api.hal.RawFrame;

/** Keeps what a capture delivered. */
final class RecordingSink implements FrameSink {
	final List<Long> shutters = new CopyOnWriteArrayList<>();
	final List<RawFrame> frames = new CopyOnWriteArrayList<>();

	@Override
	public void shutter(long timestampNanos) {
		shutters.add(timestampNanos);
	}

	@Override
	public void frame(RawFrame frame) {
		frames.add(frame);
	}
}
