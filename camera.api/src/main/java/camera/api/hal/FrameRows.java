package camera.api.hal;

import java.util.Optional;

/**
 * The row geometry of an uncompressed frame: how many bytes a pixel takes and whether the buffer holds every row.
 * The framework checks frames with it as they arrive; developers require it before they read.
 */
public final class FrameRows {
	private FrameRows() {
	}

	/** @return bytes per pixel; MJPEG has none and is refused */
	public static int bytesPerPixel(PixelFormat format) {
		return switch (format) {
			case RAW_BAYER16, YUYV -> 2;
			case RGB888 -> 3;
			case RGB48_LINEAR -> 6;
			case MJPEG -> throw new IllegalArgumentException("MJPEG has no fixed pixel size");
		};
	}

	/** @return what is wrong with the frame's rows, as the end of a sentence starting with "frame N", or empty */
	public static Optional<String> problem(RawFrame frame) {
		int rowBytes = frame.width() * bytesPerPixel(frame.format());
		if (frame.stride() < rowBytes) {
			return Optional.of("has rows of " + frame.stride() + " bytes, fewer than the " + rowBytes + " of its pixels");
		}
		long needed = (long) frame.stride() * (frame.height() - 1) + rowBytes;
		if (frame.data().limit() < needed) {
			return Optional.of("holds " + frame.data().limit() + " bytes, fewer than the " + needed + " of its rows");
		}
		return Optional.empty();
	}

	/** @throws IllegalArgumentException naming the {@link #problem} */
	public static void require(RawFrame frame) {
		problem(frame).ifPresent(problem -> {
			throw new IllegalArgumentException(frame.format() + " frame " + frame.width() + "x" + frame.height() + " "
					+ problem);
		});
	}
}
