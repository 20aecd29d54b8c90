package camera.deferred.internal.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import camera.api.CameraErrorCode;
import camera.api.CameraException;
import camera.api.hal.BayerPattern;
import camera.api.hal.FrameLease;
import camera.api.hal.FrameMetadata;
import camera.api.hal.PixelFormat;
import camera.api.hal.RawFrame;

class ZslRingTest {
	private final AtomicInteger released = new AtomicInteger();

	private FrameLease frame(long timestampNanos) {
		RawFrame frame = new RawFrame(PixelFormat.RAW_BAYER16, 2, 2, 4, ByteBuffer.allocate(8),
				new FrameMetadata(timestampNanos, 0, 100, 0, 4095, BayerPattern.RGGB));
		return new FrameLease(frame, released::incrementAndGet);
	}

	private static List<Long> timestamps(List<FrameLease> leases) {
		return leases.stream().map(lease -> lease.frame().metadata().timestampNanos()).toList();
	}

	@Test
	void theRingKeepsItsDepthGivingTheOldestBack() {
		ZslRing ring = new ZslRing("cam", 2);
		ring.frame(frame(1));
		ring.frame(frame(2));
		ring.frame(frame(3));

		assertThat(released).hasValue(1);
		assertThat(timestamps(ring.take(2, 3, Duration.ofSeconds(1)))).containsExactly(3L, 2L);
		assertThat(catchThrowableOfType(CameraException.class, () -> ring.take(1, 3, Duration.ofMillis(1))))
			.as("nothing is left").isNotNull();
	}

	@Test
	void aCaptureTakesTheFramesNearestItsPressNearestFirst() {
		ZslRing ring = new ZslRing("cam", 4);
		for (long t : new long[] { 100, 200, 300, 400 }) {
			ring.frame(frame(t));
		}

		List<FrameLease> taken = ring.take(2, 210, Duration.ofSeconds(1));

		assertThat(timestamps(taken)).containsExactly(200L, 300L);
		assertThat(timestamps(ring.take(4, 210, Duration.ofMillis(1)))).as("what is left")
			.containsExactlyInAnyOrder(100L, 400L);
	}

	@Test
	void aCaptureWaitsForTheStreamToFillTheRing() throws Exception {
		ZslRing ring = new ZslRing("cam", 2);
		ring.frame(frame(1));
		CompletableFuture<List<FrameLease>> taking = CompletableFuture
			.supplyAsync(() -> ring.take(2, 1, Duration.ofSeconds(30)));
		Thread.sleep(50);
		assertThat(taking).isNotDone();

		ring.frame(frame(2));

		assertThat(timestamps(taking.get())).containsExactly(1L, 2L);
	}

	@Test
	void anEmptyRingFailsTheCaptureAfterTheTimeout() {
		ZslRing ring = new ZslRing("cam", 2);
		CameraException failure = catchThrowableOfType(CameraException.class,
				() -> ring.take(2, 1, Duration.ofMillis(20)));
		assertThat(failure.errorCode()).isEqualTo(CameraErrorCode.SERVICE_FATAL_ERROR);
	}

	@Test
	void aRingWithFewerFramesThanWantedAfterTheTimeoutGivesWhatItHas() {
		ZslRing ring = new ZslRing("cam", 3);
		ring.frame(frame(5));
		assertThat(timestamps(ring.take(3, 5, Duration.ofMillis(20)))).containsExactly(5L);
	}

	@Test
	void closingGivesEveryFrameBackAndFailsWaitingAndLaterCaptures() {
		ZslRing ring = new ZslRing("cam", 3);
		ring.frame(frame(1));
		ring.close();
		ring.frame(frame(2));

		assertThat(released).hasValue(2);
		CameraException failure = catchThrowableOfType(CameraException.class,
				() -> ring.take(1, 1, Duration.ofSeconds(1)));
		assertThat(failure.errorCode()).isEqualTo(CameraErrorCode.DEVICE_DISABLED);
	}
}
