package camera.web.internal.exif;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ExifSummaryTest {

	/**
	 * A JPEG holding only an EXIF segment, laid out as TIFF writers do: IFD0 (Make, Model, Orientation, the EXIF
	 * pointer) then the EXIF IFD (exposure, f-number, ISO, date taken), the long values after each directory.
	 */
	static byte[] jpegWithExif(ByteOrder order) {
		ByteBuffer tiff = ByteBuffer.allocate(512).order(order);
		tiff.putShort(order == ByteOrder.LITTLE_ENDIAN ? (short) 0x4949 : (short) 0x4D4D).putShort((short) 42).putInt(8);
		int ifd0 = 8, ifd0Data = ifd0 + 2 + 4 * 12 + 4;
		int exif = 200, exifData = exif + 2 + 4 * 12 + 4;
		tiff.position(ifd0);
		tiff.putShort((short) 4);
		entry(tiff, 0x010F, 2, 9, ifd0Data);            // "Darkroom\0"
		entry(tiff, 0x0110, 2, 4, 0x53696D00);          // "Sim\0", inline
		tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) 6).putShort((short) 0);
		entry(tiff, 0x8769, 4, 1, exif);
		tiff.putInt(0);
		tiff.put(ifd0Data, "Darkroom\0".getBytes(StandardCharsets.ISO_8859_1));
		if (order == ByteOrder.LITTLE_ENDIAN) { // inline ASCII is bytes in order, whatever the byte order
			tiff.put(ifd0 + 2 + 12 + 8, "Sim\0".getBytes(StandardCharsets.ISO_8859_1));
		}
		tiff.position(exif);
		tiff.putShort((short) 4);
		entry(tiff, 0x829A, 5, 1, exifData);
		entry(tiff, 0x829D, 5, 1, exifData + 8);
		tiff.putShort((short) 0x8827).putShort((short) 3).putInt(1).putShort((short) 400).putShort((short) 0);
		entry(tiff, 0x9003, 2, 20, exifData + 16);
		tiff.putInt(0);
		tiff.putInt(exifData, 1).putInt(exifData + 4, 60).putInt(exifData + 8, 28).putInt(exifData + 12, 10);
		tiff.put(exifData + 16, "2026:12:02 10:15:00\0".getBytes(StandardCharsets.ISO_8859_1));

		ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
		jpeg.write(0xFF);
		jpeg.write(0xD8);
		byte[] body = tiff.array();
		int length = 2 + 6 + body.length;
		jpeg.writeBytes(new byte[] { (byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length });
		jpeg.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
		jpeg.writeBytes(body);
		jpeg.writeBytes(new byte[] { (byte) 0xFF, (byte) 0xD9 });
		return jpeg.toByteArray();
	}

	private static void entry(ByteBuffer tiff, int tag, int type, int count, int value) {
		tiff.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
	}

	@Nested
	class AWellFormedSegment {
		@Test
		void givesTheCameraExposureAndDateInEitherByteOrder() {
			for (ByteOrder order : new ByteOrder[] { ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN }) {
				ExifSummary exif = ExifSummary.read(jpegWithExif(order)).orElseThrow();

				assertThat(exif.make()).as(order.toString()).isEqualTo("Darkroom");
				assertThat(exif.orientation()).isEqualTo(6);
				assertThat(exif.exposureTime()).isEqualTo("1/60");
				assertThat(exif.fNumber()).isEqualTo(2.8);
				assertThat(exif.iso()).isEqualTo(400);
				assertThat(exif.dateTaken()).isEqualTo("2026:12:02 10:15:00");
				assertThat(exif.hasLocation()).isFalse();
			}
		}
	}

	@Nested
	class Anything {
		@Test
		void withoutExifGivesNothing() {
			assertThat(ExifSummary.read(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9 })).isEmpty();
			assertThat(ExifSummary.read("not a jpeg".getBytes())).isEmpty();
			assertThat(ExifSummary.read(new byte[0])).isEmpty();
		}

		@Test
		void cutShortAnywhereGivesNothingOrWhatWasReadableAndNeverThrows() {
			byte[] whole = jpegWithExif(ByteOrder.BIG_ENDIAN);
			for (int length = 0; length < whole.length; length += 7) {
				byte[] cut = Arrays.copyOf(whole, length);
				assertThat(ExifSummary.read(cut)).isNotNull();
			}
		}

		@Test
		void withGarbageOffsetsNeverThrows() {
			byte[] jpeg = jpegWithExif(ByteOrder.LITTLE_ENDIAN);
			for (int i = 12; i < jpeg.length; i += 3) {
				byte[] broken = jpeg.clone();
				broken[i] = (byte) 0xFF;
				assertThat(ExifSummary.read(broken)).isNotNull();
			}
		}
	}
}
