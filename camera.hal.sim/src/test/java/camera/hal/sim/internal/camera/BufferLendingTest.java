package camera.hal.sim.internal.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import camera.api.CameraErrorCode;
import camera.api.CameraException;
import camera.api.Size;
import camera.api.hal.HalCaptureRequest;
import camera.api.hal.HalDevice;
import camera.api.hal.HalStream;
import camera.api.hal.HalStreamRequest;
import camera.api.hal.PixelFormat;

/** The simulated camera lends its frames in buffers it owns, captured and streamed, and drops rather than waits. */
class BufferLendingTest {
	private static final Size SIZE = new Size(64, 48);

	private final FakeFramework framework = new FakeFramework();
	private SimulatedCamera camera;

	private HalDevice open(Map<String, Object> overrides) {
		camera = new SimulatedCamera(framework.context(), FakeFramework.configuration(overrides), FakeFramework.logger());
		return camera.open();
	}

	@AfterEach
	void stop() {
		if (camera != null) {
			camera.deactivate();
		}
	}

	private static HalCaptureRequest request(int frames) {
		return new HalCaptureRequest(1, SIZE, PixelFormat.RAW_BAYER16, frames);
	}

	private static HalStreamRequest stream() {
		return new HalStreamRequest(SIZE, PixelFormat.RAW_BAYER16);
	}

	@Nested
	class Capturing {
		@Test
		void aCaptureLendsEveryFrameInABufferTheCameraOwns() {
			LeasingSink sink = new LeasingSink(false);
			open(Map.of("frame_buffers", 4)).capture(request(3), sink);

			assertThat(sink.owned).isEmpty();
			assertThat(sink.leases).hasSize(3);
			assertThat(sink.leases).allSatisfy(lease -> assertThat(lease.frame().data().isDirect()).isTrue());
		}

		@Test
		void releasedBuffersAreLentAgainInsteadOfNewOnes() {
			LeasingSink sink = new LeasingSink(true);
			HalDevice device = open(Map.of("frame_buffers", 2));
			for (int i = 0; i < 5; i++) {
				device.capture(request(2), sink);
			}

			assertThat(sink.leases).hasSize(10);
			assertThat(sink.addresses.stream().distinct().count()).as("buffers used for 10 frames").isBetween(1L, 2L);
		}

		@Test
		void whileEveryBufferIsHeldTheCaptureDropsItsFramesInsteadOfWaitingForever() {
			LeasingSink holder = new LeasingSink(false);
			HalDevice device = open(Map.of("frame_buffers", 2));
			device.capture(request(2), holder);

			LeasingSink starved = new LeasingSink(false);
			device.capture(request(2), starved);

			assertThat(starved.leases).isEmpty();
			assertThat(((SimulatedDevice) device).droppedFrames()).isEqualTo(2);
			holder.releaseAll();
			device.capture(request(2), starved);
			assertThat(starved.leases).hasSize(2);
		}

		@Test
		void withoutBuffersEveryFrameIsRenderedIntoOneOfTheCallers() {
			LeasingSink sink = new LeasingSink(false);
			open(Map.of("frame_buffers", 0)).capture(request(2), sink);

			assertThat(sink.leases).isEmpty();
			assertThat(sink.owned).hasSize(2);
		}

		@Test
		void aCorruptFrameIsSpoiltInACopyLeavingTheBufferGood() {
			LeasingSink sink = new LeasingSink(true);
			HalDevice device = open(Map.of("frame_buffers", 1, "fault_corrupt_capture", 1, "fault_corruption",
					Corruption.TRUNCATED));
			device.capture(request(1), sink);
			device.capture(request(1), sink);

			assertThat(sink.owned).singleElement()
				.satisfies(frame -> assertThat(frame.data().limit()).isEqualTo(SIZE.width() * 2 * SIZE.height() / 2));
			assertThat(sink.lentCopies).singleElement()
				.satisfies(frame -> assertThat(frame.data().limit()).isEqualTo(SIZE.width() * 2 * SIZE.height()));
		}
	}

	@Nested
	class Streaming {
		@Test
		void aStreamLendsFramesOneAfterAnotherWithRisingTimestamps() throws InterruptedException {
			LeasingSink sink = new LeasingSink(true);
			HalStream running = open(Map.of("frame_rate", 200)).stream(stream(), sink).orElseThrow();
			sink.await(5);
			running.close();

			assertThat(sink.lentCopies).hasSizeGreaterThanOrEqualTo(5);
			for (int i = 1; i < sink.lentCopies.size(); i++) {
				assertThat(sink.lentCopies.get(i).metadata().timestampNanos())
					.isGreaterThan(sink.lentCopies.get(i - 1).metadata().timestampNanos());
			}
		}

		@Test
		void aReceiverHoldingEveryBufferMakesTheStreamDropFramesAndReleasingResumesIt()
				throws InterruptedException {
			LeasingSink sink = new LeasingSink(false);
			HalStream running = open(Map.of("frame_rate", 500, "frame_buffers", 3)).stream(stream(), sink)
				.orElseThrow();
			sink.await(3);
			while (running.droppedFrames() < 3) {
				Thread.sleep(5);
			}
			assertThat(sink.leases).hasSize(3);

			sink.releaseAll();
			sink.await(2);
			running.close();
			assertThat(sink.leases.size()).isGreaterThan(3);
		}

		@Test
		void aClosedStreamDeliversNoMoreFrames() throws InterruptedException {
			LeasingSink sink = new LeasingSink(true);
			HalStream running = open(Map.of("frame_rate", 500)).stream(stream(), sink).orElseThrow();
			sink.await(2);
			running.close();
			int delivered = sink.leases.size();
			Thread.sleep(50);

			assertThat(sink.leases).hasSize(delivered);
		}

		@Test
		void closingTheDeviceEndsItsStream() throws InterruptedException {
			LeasingSink sink = new LeasingSink(true);
			HalDevice device = open(Map.of("frame_rate", 500));
			device.stream(stream(), sink).orElseThrow();
			sink.await(2);
			device.close();
			Thread.sleep(20);
			int delivered = sink.leases.size();
			Thread.sleep(50);

			assertThat(sink.leases).hasSize(delivered);
		}

		@Test
		void aCameraWithoutBuffersOrWithFaultsPlannedDoesNotStream() {
			assertThat(open(Map.of("frame_buffers", 0)).stream(stream(), new LeasingSink(true))).isEmpty();
			camera.deactivate();
			Optional<HalStream> faulty = open(Map.of("fault_fail_capture", 3)).stream(stream(), new LeasingSink(true));
			assertThat(faulty).isEmpty();
		}

		@Test
		void aSecondStreamOnTheSameDeviceIsRefused() {
			HalDevice device = open(Map.of());
			HalStream first = device.stream(stream(), new LeasingSink(true)).orElseThrow();
			CameraException refused = catchThrowableOfType(CameraException.class,
					() -> device.stream(stream(), new LeasingSink(true)));
			first.close();

			assertThat(refused.errorCode()).isEqualTo(CameraErrorCode.OPERATION_NOT_ALLOWED);
		}

		@Test
		void aStreamOfASizeTheCameraDoesNotOfferIsRefused() {
			CameraException refused = catchThrowableOfType(CameraException.class, () -> open(Map.of())
				.stream(new HalStreamRequest(new Size(100, 100), PixelFormat.RAW_BAYER16), new LeasingSink(true)));
			assertThat(refused.errorCode()).isEqualTo(CameraErrorCode.INVALID_ARGUMENT);
		}
	}
}
