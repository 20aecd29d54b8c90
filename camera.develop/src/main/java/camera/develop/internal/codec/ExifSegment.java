package camera.develop.internal.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

import camera.develop.ExifData;
import camera.develop.GeoPosition;

/**
 * The EXIF block of a photo as a JPEG APP1 segment: a TIFF header, IFD0 (make, model, orientation, resolution,
 * date), the Exif IFD (capture times, exposure, ISO, the image's size and colour space) and, when a location is
 * known, the GPS IFD; every tag EXIF 2.32 requires of a JPEG is there. Times are the local time of the capture
 * with its offset and milliseconds (OffsetTime*, SubSecTime*), as cameras write them.
 */
public final class ExifSegment {
	static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");
	private static final DateTimeFormatter SUB_SECONDS = DateTimeFormatter.ofPattern("SSS");
	private static final int INCHES = 2;
	private static final int SCREEN_DPI = 72;
	private static final int CENTRED_CHROMA = 1;
	private static final int SRGB = 1;
	private static final int MAXIMUM_TEXT = 255;
	private static final int TIFF_START = 10;

	private ExifSegment() {
	}

	/**
	 * Copies the first {@code length} bytes of {@code jpeg} with {@code app1} placed after SOI, and after the
	 * JFIF APP0 segment when the encoder wrote one (JFIF readers want APP0 first).
	 */
	static byte[] insert(byte[] jpeg, int length, byte[] app1) {
		int at = insertionPoint(jpeg, length);
		byte[] file = new byte[length + app1.length];
		System.arraycopy(jpeg, 0, file, 0, at);
		System.arraycopy(app1, 0, file, at, app1.length);
		System.arraycopy(jpeg, at, file, at + app1.length, length - at);
		return file;
	}

	static int insertionPoint(byte[] jpeg, int length) {
		if (length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
			throw new IllegalArgumentException("not a JPEG file: no SOI marker");
		}
		if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0 && length >= 6) {
			int segment = ((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF);
			return Math.min(length, 4 + segment);
		}
		return 2;
	}

	/** @return the whole APP1 segment of an image of that size, marker and length included */
	static byte[] app1(ExifData exif, int width, int height) {
		Objects.requireNonNull(exif, "exif");
		if (exif.orientation() < 1 || exif.orientation() > 8) {
			throw new IllegalArgumentException("EXIF orientation must be 1..8, not " + exif.orientation());
		}
		TiffDirectory gps = exif.location() == null ? null : gps(exif.location());
		TiffDirectory exifDirectory = exifDirectory(exif, width, height);
		TiffDirectory first = firstDirectory(exif);
		// Pointers are fixed-size, so sizes are known before the offsets they will hold.
		first.longValue(0x8769, 0);
		if (gps != null) {
			first.longValue(0x8825, 0);
		}
		int exifOffset = 8 + first.size();
		int gpsOffset = exifOffset + exifDirectory.size();
		first.longValue(0x8769, exifOffset);
		if (gps != null) {
			first.longValue(0x8825, gpsOffset);
		}
		int tiffLength = gpsOffset + (gps == null ? 0 : gps.size());
		ByteBuffer segment = ByteBuffer.allocate(TIFF_START + tiffLength);
		segment.putShort((short) 0xFFE1).putShort((short) (segment.capacity() - 2));
		segment.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
		segment.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
		first.writeTo(segment, 8);
		exifDirectory.writeTo(segment, exifOffset);
		if (gps != null) {
			gps.writeTo(segment, gpsOffset);
		}
		return segment.array();
	}

	private static TiffDirectory firstDirectory(ExifData exif) {
		TiffDirectory directory = new TiffDirectory();
		if (exif.make() != null) {
			directory.ascii(0x010F, printable(exif.make()));
		}
		if (exif.model() != null) {
			directory.ascii(0x0110, printable(exif.model()));
		}
		directory.shortValue(0x0112, exif.orientation());
		directory.rationals(0x011A, SCREEN_DPI, 1);
		directory.rationals(0x011B, SCREEN_DPI, 1);
		directory.shortValue(0x0128, INCHES);
		if (exif.captureTime() != null) {
			directory.ascii(0x0132, EXIF_TIME.format(localTime(exif)));
		}
		directory.shortValue(0x0213, CENTRED_CHROMA);
		return directory;
	}

	static TiffDirectory exifDirectory(ExifData exif, int width, int height) {
		TiffDirectory directory = new TiffDirectory();
		if (exif.exposureNanos() > 0) {
			long[] fraction = exposureFraction(exif.exposureNanos());
			directory.rationals(0x829A, fraction[0], fraction[1]);
		}
		if (exif.iso() > 0) {
			directory.shortValue(0x8827, Math.min(exif.iso(), 0xFFFF));
		}
		directory.bytes(0x9000, TiffDirectory.UNDEFINED, "0232".getBytes(StandardCharsets.US_ASCII));
		if (exif.captureTime() != null) {
			OffsetDateTime local = localTime(exif);
			String time = EXIF_TIME.format(local);
			String offset = offsetText(exif.offset());
			String subSeconds = SUB_SECONDS.format(local);
			directory.ascii(0x9003, time);
			directory.ascii(0x9004, time);
			directory.ascii(0x9010, offset);
			directory.ascii(0x9011, offset);
			directory.ascii(0x9012, offset);
			directory.ascii(0x9290, subSeconds);
			directory.ascii(0x9291, subSeconds);
			directory.ascii(0x9292, subSeconds);
		}
		directory.bytes(0x9101, TiffDirectory.UNDEFINED, (byte) 1, (byte) 2, (byte) 3, (byte) 0);
		directory.bytes(0xA000, TiffDirectory.UNDEFINED, "0100".getBytes(StandardCharsets.US_ASCII));
		directory.shortValue(0xA001, SRGB);
		directory.longValue(0xA002, width);
		directory.longValue(0xA003, height);
		return directory;
	}

	static OffsetDateTime localTime(ExifData exif) {
		return exif.captureTime().atOffset(exif.offset());
	}

	/** @return the offset as EXIF writes it, {@code +HH:MM} (UTC is {@code +00:00}, not {@code Z}) */
	static String offsetText(ZoneOffset offset) {
		int minutes = offset.getTotalSeconds() / 60;
		return String.format(Locale.ROOT, "%s%02d:%02d", minutes < 0 ? "-" : "+", Math.abs(minutes) / 60,
				Math.abs(minutes) % 60);
	}

	private static TiffDirectory gps(GeoPosition location) {
		TiffDirectory directory = new TiffDirectory();
		directory.bytes(0x0000, TiffDirectory.BYTE, (byte) 2, (byte) 3, (byte) 0, (byte) 0);
		directory.ascii(0x0001, location.latitude() < 0 ? "S" : "N");
		directory.rationals(0x0002, degreesMinutesSeconds(location.latitude()));
		directory.ascii(0x0003, location.longitude() < 0 ? "W" : "E");
		directory.rationals(0x0004, degreesMinutesSeconds(location.longitude()));
		directory.bytes(0x0005, TiffDirectory.BYTE, (byte) (location.altitude() < 0 ? 1 : 0));
		directory.rationals(0x0006, Math.round(Math.abs(location.altitude()) * 100), 100);
		return directory;
	}

	private static long[] degreesMinutesSeconds(double angle) {
		double magnitude = Math.abs(angle);
		long degrees = (long) magnitude;
		double minutesExact = (magnitude - degrees) * 60;
		long minutes = (long) minutesExact;
		long tenThousandthsOfSeconds = Math.round((minutesExact - minutes) * 60 * 10_000);
		return new long[] {degrees, 1, minutes, 1, tenThousandthsOfSeconds, 10_000};
	}

	/** Exposure as a fraction of seconds, reduced, e.g. 10 ms becomes 1/100. */
	static long[] exposureFraction(long nanos) {
		long numerator = nanos;
		long denominator = 1_000_000_000L;
		long divisor = gcd(numerator, denominator);
		numerator /= divisor;
		denominator /= divisor;
		while (numerator > 0xFFFF_FFFFL || denominator > 0xFFFF_FFFFL) {
			numerator = (numerator + 1) / 2;
			denominator = (denominator + 1) / 2;
		}
		return new long[] {numerator, denominator};
	}

	private static long gcd(long a, long b) {
		return b == 0 ? a : gcd(b, a % b);
	}

	static String printable(String text) {
		StringBuilder ascii = new StringBuilder(Math.min(text.length(), MAXIMUM_TEXT));
		for (int i = 0; i < text.length() && ascii.length() < MAXIMUM_TEXT; i++) {
			char c = text.charAt(i);
			ascii.append(c >= 0x20 && c < 0x7F ? c : '?');
		}
		return ascii.toString();
	}
}
