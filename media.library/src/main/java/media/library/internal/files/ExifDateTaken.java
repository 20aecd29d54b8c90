package media.library.internal.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The capture time a JPEG file states in its EXIF block: DateTimeOriginal of the Exif IFD, at the offset
 * OffsetTimeOriginal gives, or UTC when the file gives none. Images arrive from anywhere, so every offset and
 * length is checked against the data; data that is not what EXIF says it should be yields no time, never an
 * exception.
 */
public final class ExifDateTaken {
	/** The EXIF block sits in an APP1 segment before the image data; 64 KiB each, a few of them at most. */
	private static final int HEADER_LIMIT = 512 * 1024;
	private static final int MARKER_START_OF_SCAN = 0xDA;
	private static final int MARKER_END_OF_IMAGE = 0xD9;
	private static final int MARKER_APP1 = 0xE1;
	private static final byte[] EXIF_HEADER = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
	private static final int TAG_EXIF_IFD = 0x8769;
	private static final int TAG_DATE_TIME_ORIGINAL = 0x9003;
	private static final int TAG_OFFSET_TIME_ORIGINAL = 0x9011;
	private static final int TYPE_ASCII = 2;
	private static final int TYPE_LONG = 4;
	private static final int TYPE_IFD = 13;
	private static final int ENTRY_SIZE = 12;
	private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("uuuu:MM:dd HH:mm:ss")
		.withResolverStyle(ResolverStyle.STRICT);
	private static final Pattern EXIF_TIME_SHAPE = Pattern.compile("\\d{4}:\\d{2}:\\d{2} \\d{2}:\\d{2}:\\d{2}");
	private static final Pattern OFFSET_SHAPE = Pattern.compile("[+-]\\d{2}:\\d{2}");

	private ExifDateTaken() {
	}

	/** @return the capture time stated in the JPEG, or empty when it states none that can be read */
	public static Optional<Instant> of(byte[] jpeg) {
		if (jpeg == null) {
			return Optional.empty();
		}
		return exifSegment(jpeg).flatMap(start -> dateTaken(new Tiff(jpeg, start.offset(), start.end())));
	}

	/**
	 * As {@link #of(byte[])}, reading only the head of the file where the EXIF block is.
	 *
	 * @throws media.library.MediaLibraryException IO_ERROR or NOT_FOUND when the file cannot be read
	 */
	public static Optional<Instant> of(Path jpeg) {
		try (InputStream in = Files.newInputStream(jpeg)) {
			return of(in.readNBytes(HEADER_LIMIT));
		} catch (IOException e) {
			throw StorageFailures.of("reading the EXIF block of " + jpeg.getFileName(), e);
		}
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

	private static Optional<Instant> dateTaken(Tiff tiff) {
		if (!tiff.readByteOrder()) {
			return Optional.empty();
		}
		long firstDirectory = tiff.u32(4);
		Optional<Entry> exifPointer = tiff.find(firstDirectory, TAG_EXIF_IFD)
			.filter(e -> (e.type() == TYPE_LONG || e.type() == TYPE_IFD) && e.count() == 1);
		if (exifPointer.isEmpty()) {
			return Optional.empty();
		}
		long exifDirectory = tiff.u32(exifPointer.get().valueAt());
		Optional<String> local = tiff.find(exifDirectory, TAG_DATE_TIME_ORIGINAL).flatMap(tiff::ascii);
		if (local.isEmpty() || !EXIF_TIME_SHAPE.matcher(local.get()).matches()) {
			return Optional.empty();
		}
		ZoneOffset offset = tiff.find(exifDirectory, TAG_OFFSET_TIME_ORIGINAL)
			.flatMap(tiff::ascii)
			.filter(text -> OFFSET_SHAPE.matcher(text).matches())
			.flatMap(ExifDateTaken::zoneOffset)
			// A local time without a usable offset is still the best capture time known; UTC is the convention.
			.orElse(ZoneOffset.UTC);
		try {
			return Optional.of(LocalDateTime.parse(local.get(), EXIF_TIME).toInstant(offset));
		} catch (DateTimeException e) {
			// The shape was right but the date does not exist (month 13, February 30): not a capture time.
			return Optional.empty();
		}
	}

	private static Optional<ZoneOffset> zoneOffset(String text) {
		try {
			return Optional.of(ZoneOffset.of(text));
		} catch (DateTimeException e) {
			// Out of range (e.g. +25:00): treated as no offset stated.
			return Optional.empty();
		}
	}

	/** One IFD entry; {@code valueAt} is where its four value bytes are, relative to the TIFF header. */
	private record Entry(int type, long count, long valueAt) {
	}

	/** The TIFF structure inside the APP1 segment; offsets are relative to its header, reads stay inside it. */
	private static final class Tiff {
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
