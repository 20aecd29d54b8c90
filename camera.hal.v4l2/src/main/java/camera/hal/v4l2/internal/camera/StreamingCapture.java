package camera.hal.v4l2.internal.camera;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import camera.api.CameraErrorCode;
import camera.api.CameraException;
import camera.api.hal.FrameMetadata;
import camera.api.hal.FrameSink;
import camera.api.hal.HalCaptureRequest;
import camera.api.hal.PixelFormat;
import camera.api.hal.RawFrame;
import camera.hal.v4l2.internal.device.VideoDevice;
import camera.hal.v4l2.internal.device.VideoDevice.FilledBuffer;
import camera.hal.v4l2.internal.device.VideoDevice.PixFormat;
import camera.hal.v4l2.internal.syscall.SyscallException;

/**
 * One capture by memory-mapped streaming: set the format, map and queue the buffers, stream until the request's
 * frames are copied out, then stop streaming and unmap everything, whatever happened.
 */
final class StreamingCapture {
	private static final int WHITE_LEVEL = 255;

	private final VideoDevice device;
	private final String camera;
	private final CaptureSettings settings;
	private final BooleanSupplier stopping;
	private final List<MemorySegment> mappings = new ArrayList<>();

	StreamingCapture(VideoDevice device, String camera, CaptureSettings settings, BooleanSupplier stopping) {
		this.device = device;
		this.camera = camera;
		this.settings = settings;
		this.stopping = stopping;
	}

	/** Captures the request's frames in the device's pixel format {@code fourcc} and delivers them in order. */
	void run(HalCaptureRequest request, int fourcc, FrameSink sink) {
		String doing = "set up streaming";
		boolean streaming = false;
		try {
			PixFormat format = device.setFormat(request.size(), fourcc);
			if (format.width() != request.size().width() || format.height() != request.size().height()
					|| format.pixelFormat() != fourcc) {
				throw new CameraException(CameraErrorCode.INVALID_ARGUMENT, "camera " + camera + " cannot capture "
						+ request.size() + " " + request.format() + "; the driver offered " + format.width() + "x"
						+ format.height());
			}
			Duration framePeriod = device.framePeriod().orElse(Duration.ZERO);
			int buffers = device.requestBuffers(settings.bufferCount());
			for (int index = 0; index < buffers; index++) {
				mappings.add(device.map(device.queryBuffer(index)));
				device.queue(index);
			}
			device.streamOn();
			streaming = true;
			doing = "capture";
			deliver(request, format, framePeriod, sink);
			doing = "stop streaming";
			streaming = false;
			device.streamOff();
		} catch (SyscallException e) {
			throw release(Faults.toCameraException(camera, doing, e), streaming);
		} catch (RuntimeException e) {
			throw release(e, streaming);
		}
		RuntimeException failure = release(null, false);
		if (failure != null) {
			throw failure;
		}
	}

	private void deliver(HalCaptureRequest request, PixFormat format, Duration framePeriod, FrameSink sink) {
		int delivered = 0;
		int damaged = 0;
		while (delivered < request.frameCount()) {
			short events = device.awaitFrame(settings.pollTimeout());
			if (stopping.getAsBoolean()) {
				throw new CameraException(CameraErrorCode.DEVICE_DISABLED,
						"camera " + camera + " was closed during capture " + request.captureId());
			}
			if (events == 0) {
				throw new CameraException(CameraErrorCode.SERVICE_FATAL_ERROR, "camera " + camera
						+ " gave no frame within " + settings.pollTimeout().toMillis() + " ms");
			}
			// On POLLERR or POLLHUP the dequeue tells why (ENODEV when the device went away).
			Optional<FilledBuffer> filled = device.dequeue();
			if (filled.isEmpty()) {
				continue;
			}
			FilledBuffer buffer = filled.get();
			ByteBuffer pixels = copy(buffer);
			device.queue(buffer.index());
			if (buffer.damaged() || buffer.bytesUsed() == 0) {
				// A driver may flag a frame it could not fill; one that flags every frame must not stall us.
				if (++damaged > settings.bufferCount() + request.frameCount()) {
					throw new CameraException(CameraErrorCode.SERVICE_FATAL_ERROR,
							"camera " + camera + " delivered only damaged frames");
				}
				continue;
			}
			if (delivered == 0) {
				sink.shutter(buffer.timestampNanos());
			}
			sink.frame(frame(request.format(), format, pixels, buffer, framePeriod));
			delivered++;
		}
	}

	private ByteBuffer copy(FilledBuffer buffer) {
		MemorySegment mapping = mappings.get(buffer.index());
		int length = (int) Math.min(buffer.bytesUsed(), mapping.byteSize());
		ByteBuffer pixels = ByteBuffer.allocate(length);
		MemorySegment.ofBuffer(pixels).copyFrom(mapping.asSlice(0, length));
		return pixels;
	}

	private static RawFrame frame(PixelFormat pixelFormat, PixFormat format, ByteBuffer pixels, FilledBuffer buffer,
			Duration framePeriod) {
		int stride = pixelFormat == PixelFormat.MJPEG ? 0 : format.bytesPerLine();
		return new RawFrame(pixelFormat, format.width(), format.height(), stride, pixels,
				new FrameMetadata(buffer.timestampNanos(), framePeriod.toNanos(), 0, 0, WHITE_LEVEL, null));
	}

	/**
	 * Stops streaming if needed and unmaps every buffer. Clean-up failures after an earlier failure ride along as
	 * suppressed exceptions; on their own they become the capture's failure.
	 */
	private RuntimeException release(RuntimeException failure, boolean streaming) {
		RuntimeException result = failure;
		if (streaming) {
			result = attempt(device::streamOff, result);
		}
		for (MemorySegment mapping : mappings) {
			result = attempt(() -> device.unmap(mapping), result);
		}
		boolean mapped = !mappings.isEmpty();
		mappings.clear();
		if (mapped) {
			result = attempt(() -> device.requestBuffers(0), result);
		}
		return result;
	}

	private RuntimeException attempt(Runnable step, RuntimeException earlier) {
		try {
			step.run();
			return earlier;
		} catch (SyscallException e) {
			if (earlier != null) {
				earlier.addSuppressed(e);
				return earlier;
			}
			return Faults.toCameraException(camera, "release its buffers", e);
		}
	}
}
