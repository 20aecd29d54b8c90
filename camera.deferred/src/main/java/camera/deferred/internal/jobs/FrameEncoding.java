package camera.deferred.internal.jobs;

import java.nio.ByteBuffer;

import camera.api.hal.PixelFormat;
import camera.api.hal.RawFrame;

/**
 * How a frame's pixels are laid out in its spool file. Recorded per frame in the burst metadata; a spool written
 * before encodings existed has none recorded and reads as {@link #RAW}.
 */
enum FrameEncoding {
	/** The frame's buffer byte for byte, from position 0 to its limit. */
	RAW {
		@Override
		ByteBuffer decode(ByteBuffer stored, int width, int height, int stride, int length) {
			return stored;
		}
	},
	/**
	 * A RAW_BAYER16 frame whose samples all fit in 12 bits, row after row without padding, each pair of samples
	 * in three bytes ({@link TwelveBitPacking}). Read back into a buffer of the original length and stride; the
	 * padding between rows, which carries no samples, reads back as zero.
	 */
	PACKED_12 {
		@Override
		ByteBuffer decode(ByteBuffer stored, int width, int height, int stride, int length) {
			return TwelveBitPacking.unpack(stored, width, height, stride, length);
		}
	};

	/** @return the frame's buffer as the capture path handed it over, from the stored bytes */
	abstract ByteBuffer decode(ByteBuffer stored, int width, int height, int stride, int length);

	/**
	 * A frame qualifies for packing by its declared white level; its samples are still checked while packing, as a
	 * sensor's metadata is only a promise.
	 *
	 * @return the encoding to try first for the frame
	 */
	static FrameEncoding preferredFor(RawFrame frame) {
		boolean twelveBit = frame.format() == PixelFormat.RAW_BAYER16 && frame.metadata().whiteLevel() < 4096;
		return twelveBit && TwelveBitPacking.fits(frame) ? PACKED_12 : RAW;
	}
}
