package camera.deferred.internal.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import camera.api.hal.BayerPattern;
import camera.api.hal.FrameMetadata;
import camera.api.hal.PixelFormat;
import camera.api.hal.RawFrame;
import camera.deferred.internal.development.DevelopedJpeg;
import camera.deferred.internal.development.LaneUnavailableException;
import camera.develop.ExifData;
import camera.develop.remote.DevelopedPhoto;
import camera.develop.remote.DevelopmentOrder;
import camera.develop.remote.NodeStatus;
import camera.develop.remote.RemoteDevelopmentException;
import camera.develop.remote.RemoteDeveloper;
import camera.develop.remote.RemoteErrorCode;
import camera.develop.remote.SharedSecret;

class RemoteLaneTest {
	private static final SharedSecret SECRET = SharedSecret.of("device and node share this");
	private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, 42, (byte) 0xFF, (byte) 0xD9 };
	private static final ExifData EXIF = new ExifData(Instant.EPOCH, 1, "Darkroom", "Sim", 1, 100, null);

	private final List<String> unreachable = new CopyOnWriteArrayList<>();
	private RemoteLane lane;

	private RemoteLane lane(Function<DevelopmentOrder, DevelopedPhoto> node) {
		lane = new RemoteLane("127.0.0.1:7700", 2, new RemoteDeveloper() {
			@Override
			public NodeStatus status(long nonce, byte[] proof) {
				throw new UnsupportedOperationException();
			}

			@Override
			public DevelopedPhoto develop(DevelopmentOrder order) {
				return node.apply(order);
			}
		}, SECRET, unreachable::add);
		return lane;
	}

	@AfterEach
	void close() {
		if (lane != null) {
			lane.close();
		}
	}

	private static List<RawFrame> burst() {
		return List.of(new RawFrame(PixelFormat.RAW_BAYER16, 4, 2, 8, ByteBuffer.allocate(16),
				new FrameMetadata(1, 1, 100, 64, 4095, BayerPattern.RGGB)));
	}

	private DevelopedJpeg develop(RemoteLane remote) {
		return remote.develop("job-1", burst(), 95, EXIF, () -> false);
	}

	@Nested
	class Answers {
		@Test
		void theProvenAnswerToTheOrderIsThePhoto() {
			DevelopedJpeg photo = develop(lane(order -> DevelopedPhoto.signed(order, 4, 2, JPEG, 5, SECRET)));
			assertThat(photo.jpeg()).isEqualTo(JPEG);
			assertThat(unreachable).isEmpty();
		}

		@Test
		void theNodeReceivesEveryFrameIntactAndProven() {
			develop(lane(order -> {
				assertThat(order.provenWith(SECRET)).isTrue();
				assertThat(order.frames()).allMatch(frame -> frame.intact());
				return DevelopedPhoto.signed(order, 4, 2, JPEG, 5, SECRET);
			}));
		}

		@Test
		void anAnswerToAnotherOrderIsRefusedAndTheNodeReported() {
			RemoteLane remote = lane(order -> DevelopedPhoto.signed(DevelopmentOrder.signed("job-2", order.nonce(),
					order.frames(), 95, EXIF, SECRET), 4, 2, JPEG, 5, SECRET));
			assertThatThrownBy(() -> develop(remote)).isInstanceOf(LaneUnavailableException.class);
			assertThat(unreachable).hasSize(1);
		}

		@Test
		void aJpegDamagedOnTheWayIsRefused() {
			RemoteLane remote = lane(order -> {
				DevelopedPhoto photo = DevelopedPhoto.signed(order, 4, 2, JPEG.clone(), 5, SECRET);
				photo.jpeg()[2] = 0;
				return photo;
			});
			assertThatThrownBy(() -> develop(remote)).isInstanceOf(LaneUnavailableException.class)
				.hasMessageContaining("not the proven, intact answer");
		}

		@Test
		void anAnswerFromANodeWithAnotherSecretIsRefused() {
			RemoteLane remote = lane(order -> DevelopedPhoto.signed(order, 4, 2, JPEG, 5,
					SharedSecret.of("an impostor's own secret")));
			assertThatThrownBy(() -> develop(remote)).isInstanceOf(LaneUnavailableException.class);
		}
	}

	@Nested
	class Failures {
		@Test
		void aNodeThatCannotBeReachedMakesTheJobGoElsewhere() {
			RemoteLane remote = lane(order -> {
				throw new IllegalStateException("Error calling 127.0.0.1:7700 method: develop");
			});
			assertThatThrownBy(() -> develop(remote)).isInstanceOf(LaneUnavailableException.class);
			assertThat(unreachable).singleElement().asString().contains("Error calling");
		}

		@Test
		void aBurstTheNodeCannotDevelopFailsItsAttemptWithoutBlamingTheNode() {
			RemoteLane remote = lane(order -> {
				throw new RemoteDevelopmentException(RemoteErrorCode.DEVELOPMENT_FAILED, "unsupported format");
			});
			assertThatThrownBy(() -> develop(remote)).isInstanceOf(RemoteDevelopmentException.class);
			assertThat(unreachable).isEmpty();
		}

		@Test
		void anAnswerAfterTheJobWasGivenUpReachesNobody() throws InterruptedException {
			CountDownLatch called = new CountDownLatch(1);
			CountDownLatch answered = new CountDownLatch(1);
			CountDownLatch release = new CountDownLatch(1);
			RemoteLane remote = lane(order -> {
				called.countDown();
				// A node that goes on developing after the device gave up, unaware of the interrupt.
				while (release.getCount() > 0) {
					try {
						release.await();
					} catch (InterruptedException e) {
						// the device closed the call; this node answers all the same
					}
				}
				answered.countDown();
				return DevelopedPhoto.signed(order, 4, 2, JPEG, 5, SECRET);
			});
			assertThatThrownBy(() -> remote.develop("job-1", burst(), 95, EXIF, () -> called.getCount() == 0))
				.isInstanceOf(CancellationException.class);
			release.countDown();
			assertThat(answered.await(10, TimeUnit.SECONDS)).isTrue();
			assertThat(unreachable).isEmpty();
		}
	}
}
