package camera.develop.internal.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A deliberately small, independent EXIF reader for tests: finds the APP1 Exif segment of a JPEG file and
 * returns the tags of IFD0, the Exif IFD and the GPS IFD as text (rationals as {@code n/d}, lists comma-joined).
 */
final class ExifReader {
	private ExifReader() {
	}

	static Map<String, String> tags(byte[] jpeg) {
		int at = 2;
		while (at + 4 < jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
			int marker = jpeg[at + 1] & 0xFF;
			int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
			if (marker == 0xE1 && new String(jpeg, at + 4, 6, StandardCharsets.ISO_8859_1).equals("Exif\0\0")) {
				return readTiff(ByteBuffer.wrap(jpeg, at + 10, length - 8).slice());
			}
			at += 2 + length;
		}
		throw new AssertionError("no Exif APP1 segment");
	}

	private static Map<String, String> readTiff(ByteBuffer tiff) {
		tiff.order(tiff.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
		if (tiff.getShort(2) != 42) {
			throw new AssertionError("not a TIFF header");
		}
		Map<String, String> tags = new HashMap<>();
		readDirectory(tiff, tiff.getInt(4), "", tags);
		if (tags.containsKey("8769")) {
			readDirectory(tiff, Integer.parseInt(tags.get("8769")), "", tags);
		}
		if (tags.containsKey("8825")) {
			readDirectory(tiff, Integer.parseInt(tags.get("8825")), "gps", tags);
		}
		return tags;
	}

	private static void readDirectory(ByteBuffer tiff, int offset, String prefix, Map<String, String> tags) {
		int count = tiff.getShort(offset) & 0xFFFF;
		for (int e = 0; e < count; e++) {
			int entry = offset + 2 + 12 * e;
			int tag = tiff.getShort(entry) & 0xFFFF;
			int type = tiff.getShort(entry + 2);
			int n = tiff.getInt(entry + 4);
			int size = n * switch (type) {
				case 3 -> 2;
				case 4 -> 4;
				case 5 -> 8;
				default -> 1;
			};
			int value = size <= 4 ? entry + 8 : tiff.getInt(entry + 8);
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < n; i++) {
				if (i > 0 && type != 2 && type != 7) {
					text.append(',');
				}
				switch (type) {
					case 2, 7 -> {
						byte b = tiff.get(value + i);
						if (b != 0) {
							text.append((char) b);
						}
					}
					case 3 -> text.append(tiff.getShort(value + 2 * i) & 0xFFFF);
					case 4 -> text.append(tiff.getInt(value + 4 * i) & 0xFFFF_FFFFL);
					case 5 -> text.append(tiff.getInt(value + 8 * i) & 0xFFFF_FFFFL).append('/')
							.append(tiff.getInt(value + 8 * i + 4) & 0xFFFF_FFFFL);
					default -> text.append(tiff.get(value + i) & 0xFF);
				}
			}
			tags.put(prefix + String.format("%04x", tag), text.toString());
		}
	}
}
