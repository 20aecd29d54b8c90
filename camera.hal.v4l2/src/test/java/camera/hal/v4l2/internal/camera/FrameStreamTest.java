package camera.hal.v4l2.internal.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

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
import camera.api.hal.HalStream;
import camera.api.hal.HalStreamRequest;
import camera.api.hal.PixelFormat;
import camera.api.hal.RawFrame;
import camera.hal.v4l2.internal.device.FakeVideoKernel;
import camera.hal.v4l2.internal.discovery.ConsoleLogger;
import camera.hal.v4l2.internal.syscall.SyscallException;

/** Streams from a fake videobuf2 driver: leases over the mapped buffers, their release, drops, close, unplug. */
class FrameStreamTest {
	private static final Size SMALL = new Size(320, 180);
	private static final HalStreamRequest REQUEST = new HalStreamRequest(SMALL, PixelFormat.YUYV);
	private static final int BUFFERS = 4;
	private static final long SECOND = 1_000_000_000L;

	private final FakeVideoKernel kernel = new FakeVideoKernel(32);
	private final List<String> logged = new CopyOnWriteArrayList<>();
	private final List<V4l2Camera> lost = new CopyOnWriteArrayList<>();
	private final CountDownLatch lostOnce = new CountDownLatch(1);
	private final LeaseQueue sink = new LeaseQueue();
	private final V4l2Camera camera = new V4l2Camera(kernel, "/dev/video0", Traces.vivid(),
			() -> new CaptureSettings(4, 4, BUFFERS, Duration.ofSeconds(3), Duration.ofMillis(50)), gone -> {
				lost.add(gone);
				lostOnce.countDown();
			},
			ConsoleLogger.create(System.out, logged));
	private final HalDevice device = camera.open();

	/** Keeps each lease it is lent, for the test to take; every one is released after the test. */
	static final class LeaseQueue implements FrameSink {
		final BlockingQueue<FrameLease> leases = new LinkedBlockingQueue<>();
		final List<FrameLease> lent = new CopyOnWriteArrayList<>();

		@Override
		public void shutter(long timestampNanos) {
		}

		@Override
		public void frame(RawFrame frame) {
			throw new AssertionError("a stream lends its frames");
		}

		@Override
		public void frame(FrameLease lease) {
			lent.add(lease);
			leases.add(lease);
		}

		FrameLease take() throws InterruptedException {
			FrameLease lease = leases.poll(10, TimeUnit.SECONDS);
			assertThat(lease).as("a lease within the bounding timeout").isNotNull();
			return lease;
		}
	}

	@AfterEach
	void closeDevice() {
		sink.lent.forEach(FrameLease::release);
		device.close();
	}

	private HalStream stream() {
		return device.stream(REQUEST, sink).orElseThrow();
	}

	private static long timestamp(int frame) {
		return SECOND + frame * 33_000_000L;
	}

	@Nested
	class Delivery {
		@Test
		void deliversLeasesInOrderWithTheDriversTimestamps() throws InterruptedException {
			stream();
			for (int frame = 0; frame < 3; frame++) {
				kernel.produceFrame(timestamp(frame), (byte) (frame + 1), false);
			}

			for (int frame = 0; frame < 3; frame++) {
				RawFrame lent = sink.take().frame();
				assertThat(lent.metadata().timestampNanos()).isEqualTo(timestamp(frame));
				assertThat(lent.data().get(0)).isEqualTo((byte) (frame + 1));
			}
		}

		@Test
		void lendsTheMappedMemoryItselfReadOnly() throws InterruptedException {
			stream();
			kernel.produceFrame(SECOND, (byte) 7, false);

			ByteBuffer data = sink.take().frame().data();

			assertThat(data.isDirect()).isTrue();
			assertThat(data.isReadOnly()).isTrue();
			assertThat(data.remaining()).isEqualTo(2 * SMALL.width() * SMALL.height());
			assertThat(data.get(data.limit() - 1)).isEqualTo((byte) 7);
		}

		@Test
		void requeuesADamagedFrameInsteadOfDeliveringIt() throws InterruptedException {
			stream();
			kernel.produceFrame(timestamp(0), (byte) 1, true);
			kernel.produceFrame(timestamp(1), (byte) 2, false);

			assertThat(sink.take().frame().metadata().timestampNanos()).isEqualTo(timestamp(1));
			assertThat(kernel.queueCounts().getFirst()).isEqualTo(2);
		}
	}

	@Nested
	class Release {
		@Test
		void releasingALeaseQueuesItsBufferAgain() throws InterruptedException {
			stream();
			kernel.produceFrame(SECOND, (byte) 1, false);
			FrameLease lease = sink.take();
			assertThat(kernel.queuedBuffers()).isEqualTo(BUFFERS - 1);

			lease.release();

			assertThat(kernel.queuedBuffers()).isEqualTo(BUFFERS);
		}

		@Test
		void holdingEveryLeaseMakesTheDriverDropFramesUntilOneIsReleased() throws InterruptedException {
			HalStream stream = stream();
			List<FrameLease> held = new ArrayList<>();
			for (int frame = 0; frame < BUFFERS; frame++) {
				kernel.produceFrame(timestamp(frame), (byte) frame, false);
				held.add(sink.take());
			}

			for (int frame = BUFFERS; frame < BUFFERS + 3; frame++) {
				assertThat(kernel.produceFrame(timestamp(frame), (byte) frame, false)).as("no buffer to fill").isFalse();
			}
			held.getFirst().release();
			kernel.produceFrame(timestamp(BUFFERS + 3), (byte) 0, false);

			assertThat(sink.take().frame().metadata().timestampNanos()).isEqualTo(timestamp(BUFFERS + 3));
			assertThat(stream.droppedFrames()).isEqualTo(3);
		}

		@Test
		void aLeaseReleasedTwiceQueuesItsBufferOnce() throws InterruptedException {
			stream();
			kernel.produceFrame(SECOND, (byte) 1, false);
			FrameLease lease = sink.take();

			lease.release();
			lease.release();

			assertThat(kernel.queueCounts().getFirst()).isEqualTo(2);
		}
	}

	@Nested
	class Closing {
		@Test
		void stopsTheDriverAndUnmapsTheBuffersThatAreBack() {
			stream().close();

			assertThat(kernel.streaming()).isFalse();
			assertThat(kernel.liveMappings()).isZero();
		}

		@Test
		void keepsALentBufferMappedAndReadableUntilItsRelease() throws InterruptedException {
			HalStream stream = stream();
			kernel.produceFrame(SECOND, (byte) 9, false);
			FrameLease lease = sink.take();

			stream.close();

			assertThat(kernel.liveMappings()).isEqualTo(1);
			assertThat(lease.frame().data().get(0)).isEqualTo((byte) 9);
			lease.release();
			assertThat(kernel.liveMappings()).isZero();
		}

		@Test
		void aReleaseAfterCloseDoesNotQueueTheBufferAgain() throws InterruptedException {
			HalStream stream = stream();
			kernel.produceFrame(SECOND, (byte) 1, false);
			FrameLease lease = sink.take();
			stream.close();

			lease.release();

			assertThat(kernel.queueCounts().getFirst()).isEqualTo(1);
		}

		@Test
		void aViewKeptPastItsReleaseFailsToReadInsteadOfReadingUnmappedMemory() throws InterruptedException {
			HalStream stream = stream();
			kernel.produceFrame(SECOND, (byte) 1, false);
			FrameLease lease = sink.take();
			ByteBuffer kept = lease.frame().data();
			stream.close();

			lease.release();

			assertThatThrownBy(() -> kept.get(0)).isInstanceOf(IllegalStateException.class);
		}

		@Test
		void closingTheDeviceWithAFrameNeverReleasedLogsAnErrorAndLeavesItMapped() throws InterruptedException {
			stream();
			kernel.produceFrame(SECOND, (byte) 1, false);
			FrameLease lease = sink.take();

			device.close();

			assertThat(kernel.open()).isFalse();
			assertThat(kernel.liveMappings()).isEqualTo(1);
			assertThat(logged).anyMatch(line -> line.startsWith("ERROR") && line.contains("1 frames still lent"));
			lease.release();
			assertThat(kernel.liveMappings()).isZero();
		}

		@Test
		void aClosedStreamLetsTheDeviceCaptureAndStreamAgain() throws InterruptedException {
			stream().close();

			stream();
			kernel.produceFrame(SECOND, (byte) 3, false);

			assertThat(sink.take().frame().data().get(0)).isEqualTo((byte) 3);
		}
	}

	@Nested
	class Refusals {
		@Test
		void aSecondStreamWhileOneRunsIsRefused() {
			stream();

			assertThatThrownBy(() -> device.stream(REQUEST, sink)).isInstanceOfSatisfying(CameraException.class,
					e -> assertThat(e.errorCode()).isEqualTo(CameraErrorCode.OPERATION_NOT_ALLOWED));
		}

		@Test
		void aCaptureWhileStreamingIsRefused() {
			stream();

			assertThatThrownBy(() -> device.capture(new HalCaptureRequest(1, SMALL, PixelFormat.YUYV, 1), sink))
					.isInstanceOfSatisfying(CameraException.class,
							e -> assertThat(e.errorCode()).isEqualTo(CameraErrorCode.OPERATION_NOT_ALLOWED));
		}

		@Test
		void aProfileTheCameraDoesNotOfferIsRefused() {
			assertThatThrownBy(() -> device.stream(new HalStreamRequest(new Size(100, 100), PixelFormat.YUYV), sink))
					.isInstanceOfSatisfying(CameraException.class,
							e -> assertThat(e.errorCode()).isEqualTo(CameraErrorCode.INVALID_ARGUMENT));
		}
	}

	@Nested
	class Failures {
		@Test
		void aDeviceGoneMidStreamEndsTheStreamReportsTheCameraLostAndLogsIt() throws InterruptedException {
			HalStream stream = stream();
			kernel.produceFrame(SECOND, (byte) 1, false);
			FrameLease lease = sink.take();

			kernel.unplug();
			assertThat(lostOnce.await(10, TimeUnit.SECONDS)).as("the camera reported lost").isTrue();

			assertThat(lost).containsExactly(camera);
			assertThat(logged).anyMatch(line -> line.startsWith("ERROR") && line.contains("the device is gone"));
			assertThat(lease.frame().data().get(0)).isEqualTo((byte) 1);
			stream.close();
			lease.release();
			assertThat(kernel.liveMappings()).isZero();
		}

		@Test
		void aDriverErrorEndsTheStreamWithALogAndTheDeviceStreamsAgain() throws InterruptedException {
			stream();
			kernel.failNextDequeue(SyscallException.EIO);
			kernel.produceFrame(timestamp(0), (byte) 1, false);
			assertThat(kernel.awaitStreamOff(10_000)).as("the failed stream stopped the driver").isTrue();

			stream();
			kernel.produceFrame(timestamp(1), (byte) 2, false);

			assertThat(sink.take().frame().data().get(0)).isEqualTo((byte) 2);
			assertThat(logged).anyMatch(line -> line.startsWith("ERROR") && line.contains("EIO"));
			assertThat(lost).isEmpty();
		}

		@Test
		void aStreamOnADeviceGoneFailsWithDeviceDisabled() {
			kernel.unplug();

			assertThatThrownBy(() -> device.stream(REQUEST, sink)).isInstanceOfSatisfying(CameraException.class,
					e -> assertThat(e.errorCode()).isEqualTo(CameraErrorCode.DEVICE_DISABLED));
			assertThat(kernel.liveMappings()).isZero();
		}
	}
}
