package camera.develop.internal.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * One TIFF image file directory (IFD) as EXIF and DNG use it: entries sorted by tag, values longer than four bytes
 * in a data area right after the directory. Big-endian ({@code MM}) throughout.
 */
final class TiffDirectory {
	static final short BYTE = 1;
	static final short ASCII = 2;
	static final short SHORT = 3;
	static final short LONG = 4;
	static final short RATIONAL = 5;
	static final short UNDEFINED = 7;
	static final short SRATIONAL = 10;

	private record Entry(short type, int count, byte[] value) {
	}

	private final Map<Integer, Entry> entries = new TreeMap<>();

	TiffDirectory ascii(int tag, String text) {
		byte[] bytes = (text + '\0').getBytes(StandardCharsets.US_ASCII);
		return put(tag, ASCII, bytes.length, bytes);
	}

	TiffDirectory shortValue(int tag, int value) {
		return put(tag, SHORT, 1, ByteBuffer.allocate(2).putShort((short) value).array());
	}

	TiffDirectory shorts(int tag, int... values) {
		ByteBuffer value = ByteBuffer.allocate(values.length * 2);
		for (int part : values) {
			value.putShort((short) part);
		}
		return put(tag, SHORT, values.length, value.array());
	}

	/** @param fractions numerator, denominator pairs, each signed 32-bit */
	TiffDirectory signedRationals(int tag, int... fractions) {
		ByteBuffer value = ByteBuffer.allocate(fractions.length * 4);
		for (int part : fractions) {
			value.putInt(part);
		}
		return put(tag, SRATIONAL, fractions.length / 2, value.array());
	}

	TiffDirectory longValue(int tag, long value) {
		return put(tag, LONG, 1, ByteBuffer.allocate(4).putInt((int) value).array());
	}

	TiffDirectory bytes(int tag, short type, byte... values) {
		return put(tag, type, values.length, values.clone());
	}

	/** @param fractions numerator, denominator pairs, each unsigned 32-bit */
	TiffDirectory rationals(int tag, long... fractions) {
		ByteBuffer value = ByteBuffer.allocate(fractions.length * 4);
		for (long part : fractions) {
			value.putInt((int) part);
		}
		return put(tag, RATIONAL, fractions.length / 2, value.array());
	}

	/** Bytes the directory and its data area take. */
	int size() {
		int size = 2 + 12 * entries.size() + 4;
		for (Entry entry : entries.values()) {
			if (entry.value.length > 4) {
				size += entry.value.length + (entry.value.length & 1);
			}
		}
		return size;
	}

	/**
	 * Writes the directory at {@code tiff}'s position, which must lie {@code offset} bytes after the TIFF header;
	 * {@code tiff} must be big-endian.
	 */
	void writeTo(ByteBuffer tiff, int offset) {
		int dataOffset = offset + 2 + 12 * entries.size() + 4;
		ByteBuffer data = ByteBuffer.allocate(size() - (dataOffset - offset));
		tiff.putShort((short) entries.size());
		for (Map.Entry<Integer, Entry> tagged : entries.entrySet()) {
			Entry entry = tagged.getValue();
			tiff.putShort(tagged.getKey().shortValue()).putShort(entry.type).putInt(entry.count);
			if (entry.value.length <= 4) {
				tiff.put(entry.value).put(new byte[4 - entry.value.length]);
			} else {
				tiff.putInt(dataOffset + data.position());
				data.put(entry.value);
				if ((entry.value.length & 1) != 0) {
					data.put((byte) 0);
				}
			}
		}
		tiff.putInt(0);
		tiff.put(data.array(), 0, data.position());
	}

	private TiffDirectory put(int tag, short type, int count, byte[] value) {
		entries.put(tag, new Entry(type, count, value));
		return this;
	}
}
