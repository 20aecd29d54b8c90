package media.library.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hand-made EXIF APP1 segments, laid out as cameras write them: a TIFF header in either byte order, IFD0 with an
 * orientation and the pointer to the Exif IFD, and the Exif IFD with DateTimeOriginal and, when given,
 * OffsetTimeOriginal, their text after the directories.
 */
public final class ExifBlocks {
	private static final int ENTRY_SIZE = 12;

	private ExifBlocks() {
	}

	/** @return a JPEG of the test images with an EXIF block stating the capture time */
	public static byte[] jpegTaken(ByteOrder order, String dateTimeOriginal, String offsetTimeOriginal) {
		return insert(TestImages.fast(), app1(order, dateTimeOriginal, offsetTimeOriginal));
	}

	/**
	 * @param offsetTimeOriginal e.g. {@code "+02:00"}, or {@code null} for no OffsetTimeOriginal tag
	 * @return the whole segment, marker and length included
	 */
	public static byte[] app1(ByteOrder order, String dateTimeOriginal, String offsetTimeOriginal) {
		return app1(order, dateTimeOriginal, offsetTimeOriginal, 1);
	}

	/** As {@link #app1(ByteOrder, String, String)}, stating the EXIF orientation 1..8. */
	public static byte[] app1(ByteOrder order, String dateTimeOriginal, String offsetTimeOriginal, int orientation) {
		Map<Integer, String> texts = new LinkedHashMap<>();
		texts.put(0x9003, dateTimeOriginal);
		if (offsetTimeOriginal != null) {
			texts.put(0x9011, offsetTimeOriginal);
		}
		int firstDirectory = 8;
		int exifDirectory = firstDirectory + directorySize(2);
		int textStart = exifDirectory + directorySize(texts.size());
		int textLength = texts.values().stream().mapToInt(text -> text.length() + 1).sum();
		ByteBuffer tiff = ByteBuffer.allocate(textStart + textLength).order(order);
		tiff.put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M');
		tiff.put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M');
		tiff.putShort((short) 42).putInt(firstDirectory);
		tiff.putShort((short) 2);
		tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
		tiff.putShort((short) 0x8769).putShort((short) 4).putInt(1).putInt(exifDirectory);
		tiff.putInt(0);
		tiff.putShort((short) texts.size());
		int textAt = textStart;
		for (Map.Entry<Integer, String> text : texts.entrySet()) {
			int count = text.getValue().length() + 1;
			tiff.putShort(text.getKey().shortValue()).putShort((short) 2).putInt(count).putInt(textAt);
			textAt += count;
		}
		tiff.putInt(0);
		for (String text : texts.values()) {
			tiff.put(text.getBytes(StandardCharsets.US_ASCII)).put((byte) 0);
		}
		byte[] exifHeader = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
		ByteBuffer segment = ByteBuffer.allocate(4 + exifHeader.length + tiff.capacity());
		segment.putShort((short) 0xFFE1).putShort((short) (segment.capacity() - 2));
		segment.put(exifHeader).put(tiff.array());
		return segment.array();
	}

	/** @return the JPEG with the segment placed after its JFIF APP0 segment, where cameras put EXIF */
	public static byte[] insert(byte[] jpeg, byte[] segment) {
		int at = 2;
		if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0) {
			at = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
		}
		byte[] file = new byte[jpeg.length + segment.length];
		System.arraycopy(jpeg, 0, file, 0, at);
		System.arraycopy(segment, 0, file, at, segment.length);
		System.arraycopy(jpeg, at, file, at + segment.length, jpeg.length - at);
		return file;
	}

	private static int directorySize(int entries) {
		return 2 + entries * ENTRY_SIZE + 4;
	}
}
