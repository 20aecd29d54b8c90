package camera.api.hal;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One frame from a sensor. The buffer belongs to the receiver once delivered: the HAL does not touch it again.
 *
 * @param format   the layout of the bytes
 * @param width    in pixels
 * @param height   in pixels
 * @param stride   bytes from one row to the next (0 for MJPEG)
 * @param data     the pixels, from position 0 to the limit
 * @param metadata what the sensor knew
 */
public record RawFrame(PixelFormat format, int width, int height, int stride, ByteBuffer data,
		FrameMetadata metadata) {
	public RawFrame {
		Objects.requireNonNull(format, "format");
		Objects.requireNonNull(data, "data");
		Objects.requireNonNull(metadata, "metadata");
		if (width < 1 || height < 1 || stride < 0) {
			throw new IllegalArgumentException("bad frame geometry " + width + "x" + height + " stride " + stride);
		}
	}
}
