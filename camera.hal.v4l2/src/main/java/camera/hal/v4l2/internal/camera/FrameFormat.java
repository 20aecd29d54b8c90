package camera.hal.v4l2.internal.camera;

import java.nio.ByteBuffer;
import java.time.Duration;

import camera.api.CameraErrorCode;
import camera.api.CameraException;
import camera.api.Size;
import camera.api.hal.FrameMetadata;
import camera.api.hal.PixelFormat;
import camera.api.hal.RawFrame;
import camera.hal.v4l2.internal.device.VideoDevice;
import camera.hal.v4l2.internal.device.VideoDevice.FilledBuffer;
import camera.hal.v4l2.internal.device.VideoDevice.PixFormat;

/** The format a device was set to for a capture or a stream, and how its buffers become frames. */
record FrameFormat(PixelFormat pixelFormat, PixFormat format, Duration framePeriod) {
	private static final int WHITE_LEVEL = 255;

	/**
	 * Sets the device's format to a profile.
	 *
	 * @throws CameraException INVALID_ARGUMENT when the driver adjusts the size or format
	 * @throws camera.hal.v4l2.internal.syscall.SyscallException when an ioctl fails
	 */
	static FrameFormat set(VideoDevice device, String camera, Size size, PixelFormat pixelFormat, int fourcc) {
		PixFormat format = device.setFormat(size, fourcc);
		if (format.width() != size.width() || format.height() != size.height() || format.pixelFormat() != fourcc) {
			throw new CameraException(CameraErrorCode.INVALID_ARGUMENT, "camera " + camera + " cannot capture " + size
					+ " " + pixelFormat + "; the driver offered " + format.width() + "x" + format.height());
		}
		return new FrameFormat(pixelFormat, format, device.framePeriod().orElse(Duration.ZERO));
	}

	/** @return the frame a dequeued buffer holds, its pixels in {@code data} */
	RawFrame frame(ByteBuffer data, FilledBuffer buffer) {
		int stride = pixelFormat == PixelFormat.MJPEG ? 0 : format.bytesPerLine();
		return new RawFrame(pixelFormat, format.width(), format.height(), stride, data,
				new FrameMetadata(buffer.timestampNanos(), framePeriod.toNanos(), 0, 0, WHITE_LEVEL, null));
	}
}
