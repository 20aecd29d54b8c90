package camera.develop.internal.codec;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * Joins baseline JPEGs encoded from the stripes of one image into a single JPEG. A restart marker resets the
 * entropy coder exactly as a fresh encoder starts (byte-aligned, DC predictions zero), so each stripe's scan data
 * becomes one restart interval: the first stripe's headers get the full height and a DRI segment, the scans
 * follow one another separated by RST0..RST7 in turn. The stripes must share their tables, which the same
 * encoder at the same quality without Huffman optimisation guarantees; that is checked, not assumed.
 */
final class StripeSplicer {
	private static final int MARKER = 0xFF;
	private static final int SOI = 0xD8;
	private static final int EOI = 0xD9;
	private static final int SOS = 0xDA;
	private static final int DRI = 0xDD;
	private static final int SOF0 = 0xC0;
	private static final int RST0 = 0xD0;

	private StripeSplicer() {
	}

	/**
	 * @param stripes the encoded stripes, top to bottom, cut as {@code plan} says
	 * @param app1    the EXIF segment to place after SOI and JFIF APP0
	 */
	static byte[] splice(List<byte[]> stripes, Stripes plan, byte[] app1) {
		if (stripes.size() != plan.count()) {
			throw new IllegalArgumentException(stripes.size() + " stripes for a plan of " + plan.count());
		}
		byte[] first = stripes.getFirst();
		int firstScan = scanStart(first);
		byte[] tables = headerWithoutFrameSize(first, firstScan);
		ByteArrayOutputStream out = new ByteArrayOutputStream(totalLength(stripes) + app1.length + 16);
		int exifAt = ExifSegment.insertionPoint(first, firstScan);
		out.write(first, 0, exifAt);
		out.write(app1, 0, app1.length);
		int sosAt = segmentStart(first, firstScan, SOS);
		byte[] header = Arrays.copyOfRange(first, exifAt, sosAt);
		setFrameHeight(header, plan.height());
		out.write(header, 0, header.length);
		int interval = plan.restartInterval();
		out.write(new byte[] { (byte) MARKER, (byte) DRI, 0, 4, (byte) (interval >>> 8), (byte) interval }, 0, 6);
		out.write(first, sosAt, firstScan - sosAt);
		for (int index = 0; index < stripes.size(); index++) {
			byte[] stripe = stripes.get(index);
			int scan = scanStart(stripe);
			if (index > 0 && !Arrays.equals(tables, headerWithoutFrameSize(stripe, scan))) {
				throw new IllegalStateException("stripe " + index + " was encoded with other tables than stripe 0");
			}
			int scanEnd = stripe.length - 2;
			if ((stripe[scanEnd] & 0xFF) != MARKER || (stripe[scanEnd + 1] & 0xFF) != EOI) {
				throw new IllegalStateException("stripe " + index + " does not end with EOI");
			}
			if (index > 0) {
				out.write(MARKER);
				out.write(RST0 + (index - 1) % 8);
			}
			out.write(stripe, scan, scanEnd - scan);
		}
		out.write(MARKER);
		out.write(EOI);
		return out.toByteArray();
	}

	/** @return the offset of the first byte of entropy-coded data, just after the SOS segment */
	static int scanStart(byte[] jpeg) {
		if (jpeg.length < 4 || (jpeg[0] & 0xFF) != MARKER || (jpeg[1] & 0xFF) != SOI) {
			throw new IllegalArgumentException("not a JPEG file: no SOI marker");
		}
		int at = 2;
		while (at + 4 <= jpeg.length) {
			if ((jpeg[at] & 0xFF) != MARKER) {
				throw new IllegalArgumentException("JPEG header broken at byte " + at);
			}
			int marker = jpeg[at + 1] & 0xFF;
			int end = at + 2 + segmentLength(jpeg, at);
			if (marker == SOS) {
				return end;
			}
			at = end;
		}
		throw new IllegalArgumentException("JPEG file without a scan");
	}

	private static int segmentStart(byte[] jpeg, int limit, int wanted) {
		int at = 2;
		while (at < limit) {
			if ((jpeg[at + 1] & 0xFF) == wanted) {
				return at;
			}
			at += 2 + segmentLength(jpeg, at);
		}
		throw new IllegalArgumentException("JPEG file without marker " + Integer.toHexString(wanted));
	}

	private static int segmentLength(byte[] jpeg, int at) {
		return ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
	}

	/** The header up to the scan with the frame height zeroed: what must agree between stripes. */
	private static byte[] headerWithoutFrameSize(byte[] jpeg, int scan) {
		byte[] header = Arrays.copyOf(jpeg, scan);
		setFrameHeight(header, 0);
		return header;
	}

	/** Sets the height in the SOF0 segment of a header that starts at a segment boundary or at SOI. */
	private static void setFrameHeight(byte[] header, int height) {
		int at = (header[0] & 0xFF) == MARKER && (header[1] & 0xFF) == SOI ? 2 : 0;
		while (at + 4 <= header.length) {
			if ((header[at + 1] & 0xFF) == SOF0) {
				header[at + 5] = (byte) (height >>> 8);
				header[at + 6] = (byte) height;
				return;
			}
			at += 2 + segmentLength(header, at);
		}
		throw new IllegalArgumentException("JPEG header without a baseline frame (SOF0)");
	}

	private static int totalLength(List<byte[]> stripes) {
		int total = 0;
		for (byte[] stripe : stripes) {
			total += stripe.length;
		}
		return total;
	}
}
