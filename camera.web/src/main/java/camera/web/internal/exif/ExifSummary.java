package camera.web.internal.exif;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The few EXIF fields a photo page shows, read from a JPEG's APP1 segment. Any malformed or missing part leaves
 * its fields out; reading never fails and never reads outside the bytes.
 *
 * @param make           the camera's maker
 * @param model          the camera's model
 * @param orientation    the EXIF orientation, 1 to 8
 * @param dateTaken      {@code DateTimeOriginal} as written, local time
 * @param offset         {@code OffsetTimeOriginal}, e.g. {@code +01:00}
 * @param exposureTime   e.g. {@code 1/60}
 * @param fNumber        e.g. {@code 2.8}
 * @param iso            the ISO speed
 * @param focalLength    in millimetres
 * @param hasLocation    whether the photo carries a GPS position
 */
public record ExifSummary(String make, String model, Integer orientation, String dateTaken, String offset,
		String exposureTime, Double fNumber, Integer iso, Double focalLength, boolean hasLocation) {

	private static final int MAKE = 0x010F, MODEL = 0x0110, ORIENTATION = 0x0112, EXIF_IFD = 0x8769,
			GPS_IFD = 0x8825, EXPOSURE_TIME = 0x829A, F_NUMBER = 0x829D, ISO = 0x8827, DATE_ORIGINAL = 0x9003,
			OFFSET_ORIGINAL = 0x9011, FOCAL_LENGTH = 0x920A;

	/** @return the summary of a JPEG's EXIF, if it has any */
	public static Optional<ExifSummary> read(byte[] jpeg) {
		try {
			return tiff(jpeg).map(ExifSummary::parse);
		} catch (IndexOutOfBoundsException | IllegalArgumentException e) {
			return Optional.empty(); // malformed EXIF: a photo page shows none
		}
	}

	/** @return the TIFF block of the first {@code Exif} APP1 segment */
	private static Optional<ByteBuffer> tiff(byte[] jpeg) {
		if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
			return Optional.empty();
		}
		int at = 2;
		while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
			int marker = jpeg[at + 1] & 0xFF;
			int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
			if (marker == 0xDA || length < 2 || at + 2 + length > jpeg.length) {
				return Optional.empty(); // image data starts, or a broken segment
			}
			if (marker == 0xE1 && length >= 8 && new String(jpeg, at + 4, 6, StandardCharsets.ISO_8859_1)
				.equals("Exif\0\0")) {
				return Optional.of(ByteBuffer.wrap(jpeg, at + 10, length - 8).slice());
			}
			at += 2 + length;
		}
		return Optional.empty();
	}

	private static ExifSummary parse(ByteBuffer tiff) {
		ByteOrder order = switch (tiff.getShort(0)) {
			case 0x4949 -> ByteOrder.LITTLE_ENDIAN;
			case 0x4D4D -> ByteOrder.BIG_ENDIAN;
			default -> throw new IllegalArgumentException("not a TIFF header");
		};
		tiff.order(order);
		Fields fields = new Fields();
		int ifd0 = tiff.getInt(4);
		read(tiff, ifd0, fields);
		if (fields.exifIfd > 0) {
			read(tiff, fields.exifIfd, fields);
		}
		return new ExifSummary(fields.make, fields.model, fields.orientation, fields.dateTaken, fields.offset,
				fields.exposureTime, fields.fNumber, fields.iso, fields.focalLength, fields.gpsIfd > 0);
	}

	private static final class Fields {
		String make, model, dateTaken, offset, exposureTime;
		Integer orientation, iso;
		Double fNumber, focalLength;
		int exifIfd, gpsIfd;
	}

	private static void read(ByteBuffer tiff, int ifd, Fields f) {
		int count = Short.toUnsignedInt(tiff.getShort(ifd));
		for (int i = 0; i < count; i++) {
			int entry = ifd + 2 + 12 * i;
			int tag = Short.toUnsignedInt(tiff.getShort(entry));
			int type = Short.toUnsignedInt(tiff.getShort(entry + 2));
			int n = tiff.getInt(entry + 4);
			switch (tag) {
				case MAKE -> f.make = ascii(tiff, entry, type, n);
				case MODEL -> f.model = ascii(tiff, entry, type, n);
				case DATE_ORIGINAL -> f.dateTaken = ascii(tiff, entry, type, n);
				case OFFSET_ORIGINAL -> f.offset = ascii(tiff, entry, type, n);
				case ORIENTATION -> f.orientation = Short.toUnsignedInt(tiff.getShort(entry + 8));
				case ISO -> f.iso = Short.toUnsignedInt(tiff.getShort(entry + 8));
				case EXIF_IFD -> f.exifIfd = tiff.getInt(entry + 8);
				case GPS_IFD -> f.gpsIfd = tiff.getInt(entry + 8);
				case EXPOSURE_TIME -> f.exposureTime = exposure(tiff, tiff.getInt(entry + 8));
				case F_NUMBER -> f.fNumber = rational(tiff, tiff.getInt(entry + 8));
				case FOCAL_LENGTH -> f.focalLength = rational(tiff, tiff.getInt(entry + 8));
				default -> {
					// a field the summary does not show
				}
			}
		}
	}

	private static String ascii(ByteBuffer tiff, int entry, int type, int n) {
		if (type != 2 || n < 1 || n > 256) {
			return null;
		}
		int at = n <= 4 ? entry + 8 : tiff.getInt(entry + 8);
		byte[] bytes = new byte[n];
		tiff.get(at, bytes);
		String text = new String(bytes, StandardCharsets.ISO_8859_1);
		int end = text.indexOf('\0');
		return (end < 0 ? text : text.substring(0, end)).strip().replaceAll("\\p{Cntrl}", "?");
	}

	private static Double rational(ByteBuffer tiff, int at) {
		long numerator = Integer.toUnsignedLong(tiff.getInt(at));
		long denominator = Integer.toUnsignedLong(tiff.getInt(at + 4));
		return denominator == 0 ? null : Math.round(numerator * 100.0 / denominator) / 100.0;
	}

	private static String exposure(ByteBuffer tiff, int at) {
		long numerator = Integer.toUnsignedLong(tiff.getInt(at));
		long denominator = Integer.toUnsignedLong(tiff.getInt(at + 4));
		if (numerator == 0 || denominator == 0) {
			return null;
		}
		if (numerator >= denominator) {
			return String.valueOf(Math.round(numerator * 10.0 / denominator) / 10.0);
		}
		return "1/" + Math.round((double) denominator / numerator);
	}
}
