package media.library.internal.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import media.library.internal.ExifBlocks;
import media.library.internal.TestImages;

class ExifDateTakenTest {
	private static final String TAKEN = "2026:11:21 10:30:15";

	enum Order {
		BIG_ENDIAN(ByteOrder.BIG_ENDIAN), LITTLE_ENDIAN(ByteOrder.LITTLE_ENDIAN);

		final ByteOrder order;

		Order(ByteOrder order) {
			this.order = order;
		}
	}

	@Nested
	class ReadableExif {
		@ParameterizedTest
		@EnumSource(Order.class)
		void theOriginalTimeIsReadAtItsStatedOffsetInEitherByteOrder(Order order) {
			byte[] jpeg = ExifBlocks.jpegTaken(order.order, TAKEN, "+02:00");

			assertThat(ExifDateTaken.of(jpeg)).contains(Instant.parse("2026-11-21T08:30:15Z"));
		}

		@ParameterizedTest
		@EnumSource(Order.class)
		void aNegativeOffsetIsAddedBack(Order order) {
			byte[] jpeg = ExifBlocks.jpegTaken(order.order, TAKEN, "-05:30");

			assertThat(ExifDateTaken.of(jpeg)).contains(Instant.parse("2026-11-21T16:00:15Z"));
		}

		@ParameterizedTest
		@EnumSource(Order.class)
		void withoutAnOffsetTheTimeIsTakenAsUtc(Order order) {
			byte[] jpeg = ExifBlocks.jpegTaken(order.order, TAKEN, null);

			assertThat(ExifDateTaken.of(jpeg)).contains(Instant.parse("2026-11-21T10:30:15Z"));
		}

		@Test
		void anUnreadableOffsetIsTakenAsNoOffset() {
			byte[] jpeg = ExifBlocks.jpegTaken(ByteOrder.BIG_ENDIAN, TAKEN, "+2h");

			assertThat(ExifDateTaken.of(jpeg)).contains(Instant.parse("2026-11-21T10:30:15Z"));
		}

		@Test
		void aFileIsReadFromItsHead(@TempDir Path folder) throws Exception {
			Path file = folder.resolve("taken.jpg");
			Files.write(file, ExifBlocks.jpegTaken(ByteOrder.LITTLE_ENDIAN, TAKEN, "+00:00"));

			assertThat(ExifDateTaken.of(file)).contains(Instant.parse("2026-11-21T10:30:15Z"));
		}
	}

	@Nested
	class NoTime {
		@Test
		void aJpegWithoutExifStatesNoTime() {
			assertThat(ExifDateTaken.of(TestImages.fast())).isEmpty();
		}

		@ParameterizedTest
		@ValueSource(strings = { "    :  :     :  :  ", "2026:02:30 10:30:15", "2026:13:01 10:30:15", "2026:11:21",
				"2026-11-21T10:30:15" })
		void aTimeThatIsBlankOrNotADateStatesNoTime(String text) {
			byte[] jpeg = ExifBlocks.jpegTaken(ByteOrder.BIG_ENDIAN, text, "+00:00");

			assertThat(ExifDateTaken.of(jpeg)).isEmpty();
		}

		@ParameterizedTest
		@EnumSource(Order.class)
		void everyTruncationInsideTheExifBlockStatesNoTime(Order order) {
			byte[] app1 = ExifBlocks.app1(order.order, TAKEN, "+02:00");
			byte[] jpeg = ExifBlocks.insert(TestImages.fast(), app1);
			int app1End = indexOf(jpeg, app1) + app1.length;

			assertThat(IntStream.range(0, app1End)
				.mapToObj(length -> ExifDateTaken.of(Arrays.copyOf(jpeg, length)))
				.filter(found -> found.isPresent())).isEmpty();
		}

		@Test
		void offsetsPointingOutsideTheBlockStateNoTime() {
			byte[] app1 = ExifBlocks.app1(ByteOrder.BIG_ENDIAN, TAKEN, "+02:00");
			// The Exif IFD pointer is the value of IFD0's second entry: segment header 10, TIFF header 8, count 2.
			int pointerValue = 10 + 8 + 2 + 12 + 8;
			app1[pointerValue] = 0x7F;

			assertThat(ExifDateTaken.of(ExifBlocks.insert(TestImages.fast(), app1))).isEmpty();
		}

		@Test
		void aDirectoryClaimingMoreEntriesThanTheBlockHoldsStatesNoTime() {
			byte[] app1 = ExifBlocks.app1(ByteOrder.LITTLE_ENDIAN, TAKEN, "+02:00");
			int firstDirectoryCount = 10 + 8;
			app1[firstDirectoryCount] = (byte) 0xFF;
			app1[firstDirectoryCount + 1] = (byte) 0xFF;

			assertThat(ExifDateTaken.of(ExifBlocks.insert(TestImages.fast(), app1))).isEmpty();
		}

		@Test
		void randomBytesStateNoTime() {
			Random random = new Random(7);

			assertThat(IntStream.range(0, 200).mapToObj(length -> {
				byte[] garbage = new byte[length];
				random.nextBytes(garbage);
				if (length >= 2) {
					garbage[0] = (byte) 0xFF;
					garbage[1] = (byte) 0xD8;
				}
				return ExifDateTaken.of(garbage);
			}).filter(found -> found.isPresent())).isEmpty();
		}

		@Test
		void nullStatesNoTime() {
			assertThat(ExifDateTaken.of((byte[]) null)).isEmpty();
		}
	}

	private static int indexOf(byte[] data, byte[] part) {
		for (int at = 0; at + part.length <= data.length; at++) {
			if (Arrays.equals(data, at, at + part.length, part, 0, part.length)) {
				return at;
			}
		}
		throw new AssertionError("not found");
	}
}
