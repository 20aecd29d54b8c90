package camera.deferred.internal.framework;

import java.nio.ByteBuffer;
import java.util.Optional;

import camera.api.hal.FrameRows;
import camera.api.hal.HalCaptureRequest;
import camera.api.hal.PixelFormat;
import camera.api.hal.RawFrame;

/**
 * What the framework checks of every frame a HAL delivers before anything develops or stores it: the format and
 * size asked for and a buffer that holds every row (a short transfer's mark). A frame that fails would otherwise
 * end as an exception deep in development. The samples themselves are not scanned: reading a 12 MP frame once
 * more costs about as much as phase 1 saves.
 */
final class FrameCheck {
	private static final byte[] JPEG_START = { (byte) 0xFF, (byte) 0xD8 };

	private FrameCheck() {
	}

	/** @return what is wrong with the frame, as the end of a sentence starting with "frame N", or empty */
	static Optional<String> problem(RawFrame frame, HalCaptureRequest request) {
		if (frame.format() != request.format()) {
			return Optional.of("is " + frame.format() + ", not the " + request.format() + " asked for");
		}
		if (frame.width() != request.size().width() || frame.height() != request.size().height()) {
			return Optional.of("is " + frame.width() + "x" + frame.height() + ", not the " + request.size() + " asked for");
		}
		if (frame.format() == PixelFormat.MJPEG) {
			return jpegProblem(frame.data());
		}
		return FrameRows.problem(frame);
	}

	private static Optional<String> jpegProblem(ByteBuffer data) {
		if (data.limit() < JPEG_START.length || data.get(0) != JPEG_START[0] || data.get(1) != JPEG_START[1]) {
			return Optional.of("is not a JPEG image");
		}
		return Optional.empty();
	}
}
