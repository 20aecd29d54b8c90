package camera.develop.internal.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.util.Objects;

import camera.api.hal.BayerPattern;
import camera.api.hal.FrameRows;
import camera.api.hal.PixelFormat;
import camera.api.hal.RawFrame;
import camera.develop.ExifData;

/**
 * The layout of a DNG 1.4 file holding one Bayer frame: a big-endian TIFF header, IFD0 describing the raw image
 * (the full-resolution CFA image in IFD0, NewSubFileType 0, as DNG allows), the Exif IFD, then the samples as
 * one uncompressed strip of 16-bit values.
 * <p>
 * Colour: the development treats the sensor's channels as linear Rec. 709 primaries that need no white balance
 * (the simulated sensor is built so), so ColorMatrix1 is the XYZ (D65) to linear Rec. 709 matrix under
 * illuminant D65 and AsShotNeutral is 1, 1, 1: a raw developer then renders the same colours as Darkroom.
 */
final class DngFile {
	private static final int HEADER = 8;
	private static final int RAW_IMAGE = 0;
	private static final int UNCOMPRESSED = 1;
	private static final int CFA = 32803;
	private static final int CHUNKY = 1;
	private static final int RECTANGULAR = 1;
	private static final int D65 = 21;
	private static final int MATRIX_SCALE = 10_000;
	/** XYZ (D65) to linear Rec. 709 RGB, row by row, times {@link #MATRIX_SCALE}. */
	private static final int[] XYZ_TO_REC709 = {
		32405, -15371, -4985,
		-9693, 18760, 416,
		556, -2040, 10572};

	private DngFile() {
	}

	static byte[] write(RawFrame frame, ExifData exif) {
		Objects.requireNonNull(exif, "exif");
		if (frame.format() != PixelFormat.RAW_BAYER16 || frame.metadata().bayerPattern() == null) {
			throw new IllegalArgumentException("a DNG holds a Bayer mosaic, not " + frame.format());
		}
		FrameRows.require(frame);
		if (exif.orientation() < 1 || exif.orientation() > 8) {
			throw new IllegalArgumentException("EXIF orientation must be 1..8, not " + exif.orientation());
		}
		int width = frame.width();
		int height = frame.height();
		long sampleBytes = 2L * width * height;
		TiffDirectory exifDirectory = ExifSegment.exifDirectory(exif, width, height);
		TiffDirectory first = rawDirectory(frame, exif);
		// Offsets are LONG values of fixed size: the sizes are known before the offsets are filled in.
		first.longValue(0x0111, 0).longValue(0x8769, 0);
		int exifOffset = HEADER + first.size();
		int stripOffset = exifOffset + exifDirectory.size();
		first.longValue(0x0111, stripOffset).longValue(0x8769, exifOffset);
		if (stripOffset + sampleBytes > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException("a frame of " + width + "x" + height + " is too large for one DNG");
		}
		ByteBuffer file = ByteBuffer.allocate(Math.toIntExact(stripOffset + sampleBytes)).order(ByteOrder.BIG_ENDIAN);
		file.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(HEADER);
		first.writeTo(file, HEADER);
		exifDirectory.writeTo(file, exifOffset);
		writeSamples(frame, file.position(stripOffset));
		return file.array();
	}

	private static TiffDirectory rawDirectory(RawFrame frame, ExifData exif) {
		TiffDirectory directory = new TiffDirectory()
			.longValue(0x00FE, RAW_IMAGE)
			.longValue(0x0100, frame.width())
			.longValue(0x0101, frame.height())
			.shortValue(0x0102, 16)
			.shortValue(0x0103, UNCOMPRESSED)
			.shortValue(0x0106, CFA)
			.shortValue(0x0112, exif.orientation())
			.shortValue(0x0115, 1)
			.longValue(0x0116, frame.height())
			.longValue(0x0117, 2L * frame.width() * frame.height())
			.shortValue(0x011C, CHUNKY)
			.ascii(0x0131, "Darkroom")
			.shorts(0x828D, 2, 2)
			.bytes(0x828E, TiffDirectory.BYTE, cfaPattern(frame.metadata().bayerPattern()))
			.bytes(0xC612, TiffDirectory.BYTE, (byte) 1, (byte) 4, (byte) 0, (byte) 0)
			.bytes(0xC613, TiffDirectory.BYTE, (byte) 1, (byte) 1, (byte) 0, (byte) 0)
			.ascii(0xC614, uniqueCameraModel(exif))
			.bytes(0xC616, TiffDirectory.BYTE, (byte) 0, (byte) 1, (byte) 2)
			.shortValue(0xC617, RECTANGULAR)
			.longValue(0xC61A, frame.metadata().blackLevel())
			.longValue(0xC61D, frame.metadata().whiteLevel())
			.signedRationals(0xC621, matrix())
			.rationals(0xC628, 1, 1, 1, 1, 1, 1)
			.shortValue(0xC65A, D65);
		if (exif.make() != null) {
			directory.ascii(0x010F, ExifSegment.printable(exif.make()));
		}
		if (exif.model() != null) {
			directory.ascii(0x0110, ExifSegment.printable(exif.model()));
		}
		if (exif.captureTime() != null) {
			directory.ascii(0x0132, ExifSegment.EXIF_TIME.format(ExifSegment.localTime(exif)));
		}
		return directory;
	}

	/** @return the colours of the 2x2 tile, row by row: 0 red, 1 green, 2 blue (TIFF/EP's CFAPattern) */
	static byte[] cfaPattern(BayerPattern pattern) {
		return switch (pattern) {
			case RGGB -> new byte[] {0, 1, 1, 2};
			case BGGR -> new byte[] {2, 1, 1, 0};
			case GRBG -> new byte[] {1, 0, 2, 1};
			case GBRG -> new byte[] {1, 2, 0, 1};
		};
	}

	private static String uniqueCameraModel(ExifData exif) {
		String make = exif.make() == null ? "" : exif.make().strip();
		String model = exif.model() == null ? "" : exif.model().strip();
		String name = (make + " " + model).strip();
		return ExifSegment.printable(name.isEmpty() ? "Darkroom camera" : name);
	}

	private static int[] matrix() {
		int[] fractions = new int[XYZ_TO_REC709.length * 2];
		for (int i = 0; i < XYZ_TO_REC709.length; i++) {
			fractions[2 * i] = XYZ_TO_REC709[i];
			fractions[2 * i + 1] = MATRIX_SCALE;
		}
		return fractions;
	}

	/** The frame's little-endian rows, without their padding, as TIFF's big-endian samples. */
	private static void writeSamples(RawFrame frame, ByteBuffer file) {
		ByteBuffer data = frame.data().slice(0, frame.data().limit()).order(ByteOrder.LITTLE_ENDIAN);
		short[] row = new short[frame.width()];
		ShortBuffer target = file.slice().order(ByteOrder.BIG_ENDIAN).asShortBuffer();
		for (int y = 0; y < frame.height(); y++) {
			data.slice(y * frame.stride(), 2 * frame.width()).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(row);
			target.put(row);
		}
	}
}
