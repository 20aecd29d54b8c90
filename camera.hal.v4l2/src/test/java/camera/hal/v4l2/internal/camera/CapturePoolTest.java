package camera.hal.v4l2.internal.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import camera.api.CameraErrorCode;
import camera.api.CameraException;
import camera.api.Size;
import camera.api.hal.FrameLease;
import camera.api.hal.FrameSink;
import camera.api.hal.HalCaptureRequest;
import camera.api.hal.HalDevice;
import camera.api.hal.PixelFormat;
import camera.api.hal.RawFrame;
import camera.hal.v4l2.internal.device.FakeVideoKernel;

/** One-shot captures lend their frames in a bounded pool of buffers the device reuses. */
class CapturePoolTest {
	private static final Size SMALL = new Size(320, 180);
	private static final int BURST = 2;

	private final FakeVideoKernel kernel = new FakeVideoKernel(32).freeRunning();
	private final V4l2Camera camera = new V4l2Camera(kernel, "/dev/video0", Traces.vivid(),
			() -> new CaptureSettings(BURST, 4, 8, Duration.ofMillis(200), Duration.ZERO), lost -> {
			}, Traces.LOG);
	private final HalDevice device = camera.open();

	/** Records each lease's buffer; releases at once unless told to hold. */
	static final class RecordingSink implements FrameSink {
		final List<ByteBuffer> buffers = new ArrayList<>();
		final List<FrameLease> held = new ArrayList<>();
		boolean hold;

		@Override
		public void shutter(long timestampNanos) {
		}

		@Override
		public void frame(RawFrame frame) {
			throw new AssertionError("a capture lends its frames");
		}

		@Override
		public void frame(FrameLease lease) {
			buffers.add(lease.frame().data());
			if (hold) {
				held.add(lease);
			} else {
				lease.release();
			}
		}
	}

	private final RecordingSink sink = new RecordingSink();

	@AfterEach
	void closeDevice() {
		device.close();
	}

	private static HalCaptureRequest burst(int frames) {
		return new HalCaptureRequest(1, SMALL, PixelFormat.YUYV, frames);
	}

	@Nested
	class Reuse {
		@Test
		void framesReleasedAtOnceComeBackInTheSameBuffer() {
			device.capture(burst(BURST), sink);
			device.capture(burst(BURST), sink);

			assertThat(sink.buffers).hasSize(2 * BURST);
			assertThat(sink.buffers).allSatisfy(buffer -> assertThat(buffer).isSameAs(sink.buffers.getFirst()));
		}

		@Test
		void framesHeldDuringACaptureGetBuffersOfTheirOwn() {
			sink.hold = true;

			device.capture(burst(BURST), sink);

			assertThat(sink.buffers.get(0)).isNotSameAs(sink.buffers.get(1));
			assertThat(sink.buffers.get(0).get(0)).isNotEqualTo(sink.buffers.get(1).get(0));
		}

		@Test
		void lendsEachFrameReadOnlyWithTheBytesTheDriverFilled() {
			device.capture(burst(1), sink);

			ByteBuffer lent = sink.buffers.getFirst();
			assertThat(lent.isReadOnly()).isTrue();
			assertThat(lent.remaining()).isEqualTo(2 * SMALL.width() * SMALL.height());
		}
	}

	@Nested
	class Bounds {
		@Test
		void aCaptureFindingEveryPooledBufferLentFailsAfterABoundedWait() {
			sink.hold = true;
			device.capture(burst(BURST), sink);
			device.capture(burst(BURST), sink);

			assertThatThrownBy(() -> device.capture(burst(1), sink)).isInstanceOfSatisfying(CameraException.class,
					e -> {
						assertThat(e.errorCode()).isEqualTo(CameraErrorCode.SERVICE_FATAL_ERROR);
						assertThat(e.getMessage()).contains("still holds all " + 2 * BURST);
					});
			assertThat(kernel.liveMappings()).isZero();
		}

		@Test
		void aReleasedBufferServesTheNextCapture() {
			sink.hold = true;
			device.capture(burst(BURST), sink);
			device.capture(burst(BURST), sink);
			FrameLease first = sink.held.getFirst();
			ByteBuffer firstBuffer = first.frame().data();

			first.release();
			device.capture(burst(1), sink);

			assertThat(sink.buffers.getLast()).isSameAs(firstBuffer);
		}
	}
}
