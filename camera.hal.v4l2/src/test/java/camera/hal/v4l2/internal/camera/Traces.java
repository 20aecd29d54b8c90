package camera.hal.v4l2.internal.camera;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.log.Logger;

import camera.api.hal.FrameSink;
import camera.api.hal.RawFrame;
import camera.hal.v4l2.internal.device.ReplayingSyscalls;
import camera.hal.v4l2.internal.device.VideoDevice;
import camera.hal.v4l2.internal.discovery.ConsoleLogger;

/** The vivid camera as the recorded traces describe it. */
final class Traces {
	private Traces() {
	}

	static final Logger LOG = ConsoleLogger.create();
	static final CaptureSettings SETTINGS = new CaptureSettings(4, 4, 8, Duration.ofSeconds(3), Duration.ofSeconds(3));

	/** @return what probing vivid found, replayed from traces/vivid-discovery.trace */
	static CameraProbe.Probed vivid() {
		try (VideoDevice device = VideoDevice.open(ReplayingSyscalls.of("traces/vivid-discovery.trace"),
				"/dev/video0")) {
			return CameraProbe.probe(device).orElseThrow();
		}
	}

	/** A sink that keeps what it receives. */
	static final class KeepingSink implements FrameSink {
		final List<Long> shutters = new ArrayList<>();
		final List<RawFrame> frames = new ArrayList<>();

		@Override
		public void shutter(long timestampNanos) {
			shutters.add(timestampNanos);
		}

		@Override
		public void frame(RawFrame frame) {
			frames.add(frame);
		}
	}
}
