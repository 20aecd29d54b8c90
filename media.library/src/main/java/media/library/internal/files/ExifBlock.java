package media.library.internal.files;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The EXIF block of a JPEG: the TIFF structure of its Exif APP1 segment, read where asked. Images arrive from
 * anywhere, so every offset and length is checked against the data; data that is not what EXIF says it should be
 * reads as absent, never as an exception.
 */
final class ExifBlock {
	static final int TYPE_SHORT = 3;
	static final int TYPE_ASCII = 2;
	static final int TYPE_LONG = 4;
	static final int TYPE_IFD = 13;
	private static final int MARKER_START_OF_SCAN = 0xDA;
	private static final int MARKER_END_OF_IMAGE = 0xD9;
	private static final int MARKER_APP1 = 0xE1;
	private static final byte[] EXIF_HEADER = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
	private static final int ENTRY_SIZE = 12;

	private ExifBlock() {
	}

	/** @return the TIFF structure of the JPEG's EXIF block, its byte order read, or empty when it has none */
	static Optional<Tiff> of(byte[] jpeg) {
		if (jpeg == null) {
			return Optional.empty();
		}
		return exifSegment(jpeg).map(span -> new Tiff(jpeg, span.offset(), span.end())).filter(Tiff::readByteOrder);
	}

	private record Span(int offset, int end) {
	}

	/** Walks the marker segments from SOI up to the start of the scan, looking for the Exif APP1. */
	private static Optional<Span> exifSegment(byte[] jpeg) {
		if (jpeg.length < 4 || unsigned(jpeg[0]) != 0xFF || unsigned(jpeg[1]) != 0xD8) {
			return Optional.empty();
		}
		int at = 2;
		while (at + 4 <= jpeg.length) {
			if (unsigned(jpeg[at]) != 0xFF) {
				return Optional.empty();
			}
			int marker = unsigned(jpeg[at + 1]);
			if (marker == 0xFF) {
				at++; // a fill byte before the marker
				continue;
			}
			if (marker == MARKER_START_OF_SCAN || marker == MARKER_END_OF_IMAGE) {
				return Optional.empty();
			}
			if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
				at += 2; // a marker without a length
				continue;
			}
			int length = (unsigned(jpeg[at + 2]) << 8) | unsigned(jpeg[at + 3]);
			int end = at + 2 + length;
			if (length < 2 || end > jpeg.length) {
				return Optional.empty();
			}
			int payload = at + 4;
			if (marker == MARKER_APP1 && startsWith(jpeg, payload, end, EXIF_HEADER)) {
				return Optional.of(new Span(payload + EXIF_HEADER.length, end));
			}
			at = end;
		}
		return Optional.empty();
	}

	/** One IFD entry; {@code valueAt} is where its four value bytes are, relative to the TIFF header. */
	record Entry(int type, long count, long valueAt) {
	}

	/** The TIFF structure inside the APP1 segment; offsets are relative to its header, reads stay inside it. */
	static final class Tiff {
		private final byte[] data;
		private final int start;
		private final int end;
		private boolean littleEndian;

		Tiff(byte[] data, int start, int end) {
			this.data = data;
			this.start = start;
			this.end = end;
		}

		boolean readByteOrder() {
			if (!fits(0, 8)) {
				return false;
			}
			int first = unsigned(data[start]);
			int second = unsigned(data[start + 1]);
			if (first == 'I' && second == 'I') {
				littleEndian = true;
			} else if (first != 'M' || second != 'M') {
				return false;
			}
			return u16(2) == 42;
		}

		Optional<Entry> find(long directory, int tag) {
			if (!fits(directory, 2)) {
				return Optional.empty();
			}
			int count = u16(directory);
			if (!fits(directory + 2, (long) count * ENTRY_SIZE)) {
				return Optional.empty();
			}
			for (int i = 0; i < count; i++) {
				long entry = directory + 2 + (long) i * ENTRY_SIZE;
				if (u16(entry) == tag) {
					return Optional.of(new Entry(u16(entry + 2), u32(entry + 4), entry + 8));
				}
			}
			return Optional.empty();
		}

		/** @return the text of an ASCII entry up to its first NUL */
		Optional<String> ascii(Entry entry) {
			if (entry.type() != TYPE_ASCII || entry.count() == 0) {
				return Optional.empty();
			}
			long at = entry.count() <= 4 ? entry.valueAt() : u32(entry.valueAt());
			if (!fits(at, entry.count())) {
				return Optional.empty();
			}
			int from = start + (int) at;
			int length = 0;
			while (length < entry.count() && data[from + length] != 0) {
				length++;
			}
			return Optional.of(new String(data, from, length, StandardCharsets.US_ASCII));
		}

		int u16(long at) {
			int a = unsigned(data[start + (int) at]);
			int b = unsigned(data[start + (int) at + 1]);
			return littleEndian ? (b << 8) | a : (a << 8) | b;
		}

		/** @return the unsigned 32-bit value, or -1 (fits nowhere) when it lies outside the data */
		long u32(long at) {
			if (!fits(at, 4)) {
				return -1;
			}
			long high = u16(littleEndian ? at + 2 : at);
			long low = u16(littleEndian ? at : at + 2);
			return (high << 16) | low;
		}

		private boolean fits(long at, long length) {
			return at >= 0 && length >= 0 && at <= end - start && length <= end - start - at;
		}
	}

	private static boolean startsWith(byte[] data, int at, int end, byte[] prefix) {
		if (end - at < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (data[at + i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static int unsigned(byte value) {
		return value & 0xFF;
	}
}
