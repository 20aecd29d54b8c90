package camera.develop.internal.pipeline;

import java.nio.ByteOrder;
import java.nio.ShortBuffer;

import camera.api.hal.BayerPattern;
import camera.api.hal.FrameRows;
import camera.api.hal.PixelFormat;
import camera.api.hal.RawFrame;

/**
 * A read-only view of a {@link PixelFormat#RAW_BAYER16} frame: rows of unsigned samples and the colour of each
 * site. Cheap to create; safe to share between threads because every read is absolute.
 */
final class BayerMosaic {
	static final int RED = 0;
	static final int GREEN = 1;
	static final int BLUE = 2;

	final int width;
	final int height;
	final int blackLevel;
	final int whiteLevel;
	private final ShortBuffer samples;
	private final int rowPitch;
	private final int[] siteChannel;

	private BayerMosaic(RawFrame frame) {
		width = frame.width();
		height = frame.height();
		blackLevel = frame.metadata().blackLevel();
		whiteLevel = frame.metadata().whiteLevel();
		rowPitch = frame.stride() / 2;
		samples = frame.data().slice(0, frame.data().limit()).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
		siteChannel = sites(frame.metadata().bayerPattern());
	}

	static BayerMosaic of(RawFrame frame) {
		if (frame.format() != PixelFormat.RAW_BAYER16) {
			throw new IllegalArgumentException("not a Bayer frame: " + frame.format());
		}
		if (frame.metadata().bayerPattern() == null) {
			throw new IllegalArgumentException("a Bayer frame without a Bayer pattern");
		}
		if (frame.width() < 8 || frame.height() < 8) {
			throw new IllegalArgumentException("frame too small to develop: " + frame.width() + "x" + frame.height());
		}
		if (frame.stride() % 2 != 0) {
			throw new IllegalArgumentException("odd stride " + frame.stride() + " in a frame of 16-bit samples");
		}
		FrameRows.require(frame);
		if (frame.metadata().whiteLevel() <= frame.metadata().blackLevel()) {
			throw new IllegalArgumentException("white level " + frame.metadata().whiteLevel()
					+ " is not above black level " + frame.metadata().blackLevel());
		}
		return new BayerMosaic(frame);
	}

	/** Copies row {@code y} into {@code destination} from {@code offset}; samples are unsigned (mask 0xFFFF). */
	void readRow(int y, short[] destination, int offset) {
		samples.get(y * rowPitch, destination, offset, width);
	}

	int channelAt(int x, int y) {
		return siteChannel[((y & 1) << 1) | (x & 1)];
	}

	/** @return the column parity (0 or 1) of the green sites in row {@code y} */
	int greenParity(int y) {
		return channelAt(0, y) == GREEN ? 0 : 1;
	}

	/** @return the colour of the non-green sites in row {@code y} */
	int rowColour(int y) {
		return channelAt(greenParity(y) ^ 1, y);
	}

	/** Mirrors a coordinate into {@code [0, size)} keeping its parity, so a mirrored site keeps its colour. */
	static int mirror(int coordinate, int size) {
		int c = coordinate < 0 ? -coordinate : coordinate;
		return c >= size ? 2 * (size - 1) - c : c;
	}

	private static int[] sites(BayerPattern pattern) {
		return switch (pattern) {
			case RGGB -> new int[] {RED, GREEN, GREEN, BLUE};
			case BGGR -> new int[] {BLUE, GREEN, GREEN, RED};
			case GRBG -> new int[] {GREEN, RED, BLUE, GREEN};
			case GBRG -> new int[] {GREEN, BLUE, RED, GREEN};
		};
	}
}
