package camera.develop.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import camera.api.hal.BayerPattern;
import camera.api.hal.FrameMetadata;
import camera.api.hal.PixelFormat;
import camera.api.hal.RawFrame;
import camera.develop.ExifData;
import camera.develop.GeoPosition;

class RemoteContractTest {
	private static final SharedSecret SECRET = SharedSecret.of("correct horse battery staple");
	private static final SharedSecret OTHER = SharedSecret.of("another secret of enough length");
	private static final ExifData EXIF = new ExifData(Instant.parse("2026-12-02T05:00:00Z"), 6, "Darkroom", "Sim",
			10_000_000L, 400, new GeoPosition(48.1, 11.5, 520), ZoneOffset.ofHours(1));

	private static RawFrame frame(int seed) {
		ByteBuffer data = ByteBuffer.allocate(8 * 4 * 2);
		for (int i = 0; i < data.capacity(); i++) {
			data.put(i, (byte) (i * 7 + seed));
		}
		return new RawFrame(PixelFormat.RAW_BAYER16, 8, 4, 16, data,
				new FrameMetadata(123L + seed, 10_000_000L, 400, 64, 4095, BayerPattern.RGGB));
	}

	private static DevelopmentOrder order() {
		return DevelopmentOrder.signed("job-1", 42L, List.of(FramePacket.of(frame(1)), FramePacket.of(frame(2))), 95,
				EXIF, SECRET);
	}

	@SuppressWarnings("unchecked")
	private static <T> T throughTheWire(T value) throws IOException, ClassNotFoundException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(value);
		}
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
			return (T) in.readObject();
		}
	}

	@Nested
	class Frames {
		@Test
		void aFrameCrossesTheWireWithItsBytesAndMetadata() throws Exception {
			RawFrame original = frame(3);
			RawFrame received = ((FramePacket) throughTheWire(FramePacket.of(original))).toFrame();
			assertThat(received.data()).isEqualTo(original.data());
			assertThat(received.metadata()).isEqualTo(original.metadata());
			assertThat(List.of(received.format(), received.width(), received.height(), received.stride()))
				.isEqualTo(List.of(original.format(), original.width(), original.height(), original.stride()));
		}

		@Test
		void aFrameWhoseBytesChangedOnTheWayIsRefusedAsACorruptTransfer() {
			FramePacket packet = FramePacket.of(frame(4));
			packet.data()[5] ^= 1;
			assertThatThrownBy(packet::toFrame).isInstanceOf(RemoteDevelopmentException.class)
				.extracting(e -> ((RemoteDevelopmentException) e).errorCode())
				.isEqualTo(RemoteErrorCode.CORRUPT_TRANSFER);
		}
	}

	@Nested
	class Orders {
		@Test
		void anOrderProvenWithTheSecretIsStillProvenAfterTheWire() throws Exception {
			assertThat(((DevelopmentOrder) throughTheWire(order())).provenWith(SECRET)).isTrue();
		}

		@Test
		void anOrderIsNotProvenWithAnotherSecret() {
			assertThat(order().provenWith(OTHER)).isFalse();
		}

		@Test
		void anOrderWhoseFrameWasSwappedIsNotProven() {
			DevelopmentOrder order = order();
			DevelopmentOrder swapped = new DevelopmentOrder(order.jobId(), order.nonce(),
					List.of(FramePacket.of(frame(9)), order.frames().get(1)), order.quality(), order.exif(),
					order.proof());
			assertThat(swapped.provenWith(SECRET)).isFalse();
		}

		@Test
		void anOrderForAnotherQualityIsNotProven() {
			DevelopmentOrder order = order();
			assertThat(new DevelopmentOrder(order.jobId(), order.nonce(), order.frames(), 50, order.exif(),
					order.proof()).provenWith(SECRET)).isFalse();
		}
	}

	@Nested
	class Photos {
		private final byte[] jpeg = { (byte) 0xFF, (byte) 0xD8, 1, 2, 3, (byte) 0xFF, (byte) 0xD9 };

		@Test
		void aPhotoAnswersItsOrderAfterTheWire() throws Exception {
			DevelopmentOrder order = order();
			DevelopedPhoto photo = throughTheWire(DevelopedPhoto.signed(order, 8, 4, jpeg, 12, SECRET));
			assertThat(photo.answers(order, SECRET)).isTrue();
		}

		@Test
		void aPhotoForAnotherOrderOfTheSameJobDoesNotAnswerIt() {
			DevelopmentOrder first = order();
			DevelopmentOrder second = DevelopmentOrder.signed("job-1", 43L, first.frames(), 95, EXIF, SECRET);
			assertThat(DevelopedPhoto.signed(first, 8, 4, jpeg, 12, SECRET).answers(second, SECRET)).isFalse();
		}

		@Test
		void aPhotoWhoseBytesChangedOnTheWayDoesNotAnswer() {
			DevelopmentOrder order = order();
			DevelopedPhoto photo = DevelopedPhoto.signed(order, 8, 4, jpeg, 12, SECRET);
			photo.jpeg()[2] = 9;
			assertThat(photo.answers(order, SECRET)).isFalse();
		}

		@Test
		void aPhotoFromANodeWithAnotherSecretDoesNotAnswer() {
			DevelopmentOrder order = order();
			assertThat(DevelopedPhoto.signed(order, 8, 4, jpeg, 12, OTHER).answers(order, SECRET)).isFalse();
		}
	}

	@Nested
	class Secrets {
		@Test
		void aShortSecretIsRefused() {
			assertThatThrownBy(() -> SharedSecret.of(" short ")).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("at least 16 characters");
		}

		@Test
		void aStatusAnswersOnlyItsOwnRequest() {
			NodeStatus status = NodeStatus.signed("node", 2, 1, 0, 0, 5, 7L, SECRET);
			assertThat(status.answers(7L, SECRET)).isTrue();
			assertThat(status.answers(8L, SECRET)).isFalse();
		}

		@Test
		void theSecretIsNotShownInText() {
			assertThat(SECRET.toString()).doesNotContain("horse");
		}
	}
}
