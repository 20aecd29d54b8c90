package camera.node.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.osgi.service.log.Logger;

import camera.api.hal.BayerPattern;
import camera.api.hal.FrameMetadata;
import camera.api.hal.PixelFormat;
import camera.api.hal.RawFrame;
import camera.develop.ExifData;
import camera.develop.JpegCodec;
import camera.develop.PhotoDeveloper;
import camera.develop.RgbImage;
import camera.develop.remote.DevelopedPhoto;
import camera.develop.remote.DevelopmentOrder;
import camera.develop.remote.FramePacket;
import camera.develop.remote.NodeStatus;
import camera.develop.remote.RemoteDevelopmentException;
import camera.develop.remote.RemoteErrorCode;
import camera.develop.remote.SharedSecret;

class NodeServiceTest {
	private static final SharedSecret SECRET = SharedSecret.of("the node's shared secret");
	private static final ExifData EXIF = new ExifData(Instant.parse("2026-12-02T05:00:00Z"), 1, "Darkroom", "Sim",
			1_000_000L, 100, null);

	private final List<Integer> framesDeveloped = new ArrayList<>();
	private final PhotoDeveloper developer = new PhotoDeveloper() {
		@Override
		public RgbImage developFast(RawFrame frame) {
			throw new UnsupportedOperationException();
		}

		@Override
		public RgbImage developFull(List<RawFrame> burst) {
			framesDeveloped.add(burst.size());
			RawFrame first = burst.getFirst();
			return new RgbImage(first.width(), first.height(), new byte[first.width() * first.height() * 3]);
		}

		@Override
		public RgbImage renderReference(RawFrame linearReference) {
			throw new UnsupportedOperationException();
		}
	};
	private final JpegCodec codec = new JpegCodec() {
		@Override
		public String name() {
			return "fake";
		}

		@Override
		public byte[] encode(RgbImage image, int quality, ExifData exif) {
			return new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) quality, (byte) 0xFF, (byte) 0xD9 };
		}
	};
	private final NodeStatistics statistics = new NodeStatistics();
	private final NodeService node = new NodeService("node-a", 1, SECRET, developer, codec, statistics, quiet());

	private static Logger quiet() {
		return (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] { Logger.class },
				(proxy, method, args) -> method.getReturnType() == boolean.class ? false : null);
	}

	private static FramePacket packet() {
		return FramePacket.of(new RawFrame(PixelFormat.RAW_BAYER16, 4, 2, 8, ByteBuffer.allocate(16),
				new FrameMetadata(1, 1_000_000L, 100, 64, 4095, BayerPattern.RGGB)));
	}

	private static DevelopmentOrder order(SharedSecret secret) {
		return DevelopmentOrder.signed("job-7", 99L, List.of(packet(), packet()), 90, EXIF, secret);
	}

	@Nested
	class Orders {
		@Test
		void aProvenOrderIsDevelopedAndItsPhotoAnswersIt() {
			DevelopmentOrder order = order(SECRET);
			DevelopedPhoto photo = node.develop(order);
			assertThat(photo.answers(order, SECRET)).isTrue();
			assertThat(photo.jpeg()[2]).isEqualTo((byte) 90);
			assertThat(framesDeveloped).containsExactly(2);
		}

		@Test
		void anOrderProvenWithAnotherSecretIsRefusedAndNothingIsDeveloped() {
			assertThatThrownBy(() -> node.develop(order(SharedSecret.of("a secret the node does not know"))))
				.isInstanceOf(RemoteDevelopmentException.class)
				.extracting(e -> ((RemoteDevelopmentException) e).errorCode())
				.isEqualTo(RemoteErrorCode.UNAUTHENTICATED);
			assertThat(framesDeveloped).isEmpty();
			assertThat(statistics.snapshot().refused()).isEqualTo(1);
		}

		@Test
		void aFrameDamagedOnTheWayIsRefusedAsACorruptTransfer() {
			DevelopmentOrder order = order(SECRET);
			order.frames().get(1).data()[3] = 7;
			assertThatThrownBy(() -> node.develop(order)).isInstanceOf(RemoteDevelopmentException.class)
				.extracting(e -> ((RemoteDevelopmentException) e).errorCode())
				.isEqualTo(RemoteErrorCode.CORRUPT_TRANSFER);
			assertThat(framesDeveloped).isEmpty();
		}

		@Test
		void theStatisticsCountJobsAndBytesBothWays() {
			node.develop(order(SECRET));
			NodeStatistics.Snapshot counts = statistics.snapshot();
			assertThat(counts.developed()).isEqualTo(1);
			assertThat(counts.bytesIn()).isEqualTo(32);
			assertThat(counts.bytesOut()).isEqualTo(5);
		}
	}

	@Nested
	class Status {
		@Test
		void aProvenRequestGetsAProvenStatusWithTheSlots() {
			NodeStatus status = node.status(5L, SECRET.prove(NodeStatus.requestParts(5L)));
			assertThat(status.answers(5L, SECRET)).isTrue();
			assertThat(status.slots()).isEqualTo(1);
			assertThat(status.name()).isEqualTo("node-a");
		}

		@Test
		void aRequestWithoutProofIsRefused() {
			assertThatThrownBy(() -> node.status(5L, new byte[32])).isInstanceOf(RemoteDevelopmentException.class)
				.hasMessageContaining("UNAUTHENTICATED");
		}
	}

	@Nested
	class Deserialisation {
		private Object read(Object value) throws Exception {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
				out.writeObject(value);
			}
			try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
				in.setObjectInputFilter(ObjectInputFilter.Config.createFilter(SerialFilter.PATTERN));
				return in.readObject();
			}
		}

		@Test
		void theFilterAdmitsACallWithAnOrder() throws Exception {
			Object[] call = { order(SECRET) };
			assertThat(((DevelopmentOrder) ((Object[]) read(call))[0]).provenWith(SECRET)).isTrue();
		}

		@Test
		void theFilterAdmitsAStatusCall() throws Exception {
			Object[] call = { 5L, SECRET.prove(NodeStatus.requestParts(5L)) };
			assertThat(((Object[]) read(call))[0]).isEqualTo(5L);
		}

		@Test
		void theFilterRefusesClassesOutsideTheContract() {
			assertThatThrownBy(() -> read(new java.util.HashMap<>(java.util.Map.of("a", "b"))))
				.isInstanceOf(InvalidClassException.class);
		}
	}
}
