package media.library.internal.files;

import java.io.IOException;
import java.io.InputStream;
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
 * OffsetTimeOriginal gives, or UTC when the file gives none; data that is not what EXIF says it should be
 * yields no time, never an exception.
 */
public final class ExifDateTaken {
	/** The EXIF block sits in an APP1 segment before the image data; 64 KiB each, a few of them at most. */
	private static final int HEADER_LIMIT = 512 * 1024;
	private static final int TAG_EXIF_IFD = 0x8769;
	private static final int TAG_DATE_TIME_ORIGINAL = 0x9003;
	private static final int TAG_OFFSET_TIME_ORIGINAL = 0x9011;
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
		return ExifBlock.of(jpeg).flatMap(ExifDateTaken::dateTaken);
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

	private static Optional<Instant> dateTaken(ExifBlock.Tiff tiff) {
		long firstDirectory = tiff.u32(4);
		Optional<ExifBlock.Entry> exifPointer = tiff.find(firstDirectory, TAG_EXIF_IFD)
			.filter(e -> (e.type() == ExifBlock.TYPE_LONG || e.type() == ExifBlock.TYPE_IFD) && e.count() == 1);
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
}
