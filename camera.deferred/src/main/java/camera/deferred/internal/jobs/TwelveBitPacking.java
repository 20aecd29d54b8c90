package camera.deferred.internal.jobs;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import camera.api.hal.RawFrame;

/**
 * Packs little-endian 16-bit samples that hold at most 12 significant bits into three bytes per pair of samples:
 * byte 0 is the low eight bits of the first sample, byte 1 its high four bits (low nibble) and the second's low
 * four (high nibble), byte 2 the second's high eight bits. Each row is packed on its own; an odd last sample of a
 * row takes two bytes. A quarter less to write and sync than the 16-bit frame.
 */
final class TwelveBitPacking {
	private TwelveBitPacking() {
	}

	/** @return bytes of one packed row */
	static int rowBytes(int width) {
		return width / 2 * 3 + (width % 2) * 2;
	}

	/** @return whether the frame's geometry is one this packing can restore exactly */
	static boolean fits(RawFrame frame) {
		int stride = frame.stride();
		long lastRowEnd = (long) stride * (frame.height() - 1) + frame.width() * 2L;
		return stride % 2 == 0 && stride >= frame.width() * 2 && frame.data().limit() >= lastRowEnd;
	}

	/** Spare bytes after the packed rows: four samples are stored as one eight-byte write. */
	static final int SLACK = 2;
	private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
	/** The bits a 12-bit sample leaves clear, in each of four 16-bit lanes. */
	private static final long ABOVE_TWELVE_BITS = 0xF000_F000_F000_F000L;

	/**
	 * Packs {@code rows} rows from {@code firstRow} into {@code packed} from index {@code at}. Four samples at a
	 * time go as one 48-bit little-endian group, which is the byte layout above read as a number.
	 *
	 * @param row    a scratch array of at least {@code width * 2} bytes
	 * @param packed little-endian, with at least {@code rows * rowBytes(width) + SLACK} bytes from {@code at}
	 * @return false when a sample needs more than 12 bits: the packed bytes are then meaningless
	 */
	static boolean pack(RawFrame frame, int firstRow, int rows, byte[] row, ByteBuffer packed, int at) {
		int width = frame.width();
		int quads = width / 4;
		int rowBytes = rowBytes(width);
		ByteBuffer data = frame.data();
		// Every frame is read where it lies: a heap frame through its array, a HAL's buffer as little-endian longs;
		// only a row's odd tail is copied.
		boolean onHeap = data.hasArray();
		ByteBuffer direct = onHeap ? null : data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
		byte[] source = onHeap ? data.array() : row;
		long overflow = 0;
		for (int r = 0; r < rows; r++) {
			int rowStart = (firstRow + r) * frame.stride();
			int out = at + r * rowBytes;
			int in = onHeap ? data.arrayOffset() + rowStart : rowStart;
			for (int quad = 0; quad < quads; quad++, in += 8, out += 6) {
				long samples = onHeap ? (long) LONG.get(source, in) : direct.getLong(in);
				overflow |= samples;
				long group = samples & 0xFFF | (samples >>> 4) & 0xFFF000L | (samples >>> 8) & 0xFFF000000L
						| (samples >>> 12) & 0xFFF000000000L;
				packed.putLong(out, group);
			}
			int remaining = width % 4;
			if (!onHeap && remaining > 0) {
				direct.get(in, row, 0, remaining * 2);
				in = 0;
			}
			if (remaining >= 2) {
				int first = (source[in] & 0xFF) | (source[in + 1] & 0xFF) << 8;
				int second = (source[in + 2] & 0xFF) | (source[in + 3] & 0xFF) << 8;
				overflow |= first | second;
				packed.put(out, (byte) first);
				packed.put(out + 1, (byte) ((first >> 8) & 0x0F | second << 4));
				packed.put(out + 2, (byte) (second >> 4));
				in += 4;
				out += 3;
			}
			if (remaining % 2 != 0) {
				int last = (source[in] & 0xFF) | (source[in + 1] & 0xFF) << 8;
				overflow |= last;
				packed.put(out, (byte) last);
				packed.put(out + 1, (byte) (last >> 8));
			}
		}
		return (overflow & ABOVE_TWELVE_BITS) == 0;
	}

	/** @return a heap buffer of {@code length} bytes holding the rows at {@code stride}, zero elsewhere */
	static ByteBuffer unpack(ByteBuffer packed, int width, int height, int stride, int length) {
		int rowBytes = rowBytes(width);
		if (packed.remaining() != (long) rowBytes * height) {
			throw new IllegalStateException("a packed " + width + "x" + height + " frame holds " + packed.remaining()
					+ " bytes, not " + (long) rowBytes * height);
		}
		byte[] in = new byte[rowBytes];
		byte[] samples = new byte[length];
		int pairs = width / 2;
		for (int y = 0; y < height; y++) {
			packed.get(packed.position() + y * rowBytes, in, 0, rowBytes);
			int out = y * stride;
			int at = 0;
			for (int pair = 0; pair < pairs; pair++, at += 3, out += 4) {
				int middle = in[at + 1] & 0xFF;
				samples[out] = in[at];
				samples[out + 1] = (byte) (middle & 0x0F);
				samples[out + 2] = (byte) ((middle >> 4) | (in[at + 2] << 4));
				samples[out + 3] = (byte) ((in[at + 2] & 0xFF) >> 4);
			}
			if (width % 2 != 0) {
				samples[out] = in[at];
				samples[out + 1] = in[at + 1];
			}
		}
		return ByteBuffer.wrap(samples);
	}
}
