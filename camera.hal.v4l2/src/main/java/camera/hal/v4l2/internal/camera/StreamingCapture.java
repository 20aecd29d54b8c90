package camera.hal.v4l2.internal.camera;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import camera.api.CameraErrorCode;
import camera.api.CameraException;
import camera.api.hal.FrameLease;
import camera.api.hal.FrameSink;
import camera.api.hal.HalCaptureRequest;
import camera.hal.v4l2.internal.device.VideoDevice;
import camera.hal.v4l2.internal.device.VideoDevice.FilledBuffer;
import camera.hal.v4l2.internal.syscall.SyscallException;

/**
 * One capture by memory-mapped streaming: set the format, map and queue the buffers, stream until the request's
 * frames are copied out, then stop streaming and unmap everything, whatever happened. Each frame is copied into a
 * buffer of the device's {@link FramePool} and lent to the sink: the mappings end with the capture, the frames
 * the framework holds must not.
 */
final class StreamingCapture {
	private final VideoDevice device;
	private final String camera;
	private final CaptureSettings settings;
	private final FramePool pool;
	private final BooleanSupplier stopping;
	private final List<MemorySegment> mappings = new ArrayList<>();

	StreamingCapture(VideoDevice device, String camera, CaptureSettings settings, FramePool pool,
			BooleanSupplier stopping) {
		this.device = device;
		this.camera = camera;
		this.settings = settings;
		this.pool = pool;
		this.stopping = stopping;
	}

	/** Captures the request's frames in the device's pixel format {@code fourcc} and delivers them in order. */
	void run(HalCaptureRequest request, int fourcc, FrameSink sink) {
		String doing = "set up streaming";
		boolean streaming = false;
		try {
			FrameFormat format = FrameFormat.set(device, camera, request.size(), request.format(), fourcc);
			int buffers = device.requestBuffers(settings.bufferCount());
			for (int index = 0; index < buffers; index++) {
				mappings.add(device.map(device.queryBuffer(index)));
				device.queue(index);
			}
			device.streamOn();
			streaming = true;
			doing = "capture";
			deliver(request, format, sink);
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

	private void deliver(HalCaptureRequest request, FrameFormat format, FrameSink sink) {
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
			if (buffer.damaged() || buffer.bytesUsed() == 0) {
				device.queue(buffer.index());
				// A driver may flag a frame it could not fill; one that flags every frame must not stall us.
				if (++damaged > settings.bufferCount() + request.frameCount()) {
					throw new CameraException(CameraErrorCode.SERVICE_FATAL_ERROR,
							"camera " + camera + " delivered only damaged frames");
				}
				continue;
			}
			FramePool.Pooled pooled = copy(buffer, request);
			device.queue(buffer.index());
			if (delivered == 0) {
				sink.shutter(buffer.timestampNanos());
			}
			sink.frame(new FrameLease(format.frame(pooled.lent(), buffer), () -> pool.giveBack(pooled)));
			delivered++;
		}
	}

	/** Copies a filled buffer into a pooled one, waiting at most a poll timeout for the framework to free one. */
	private FramePool.Pooled copy(FilledBuffer buffer, HalCaptureRequest request) {
		MemorySegment mapping = mappings.get(buffer.index());
		int length = (int) Math.min(buffer.bytesUsed(), mapping.byteSize());
		FramePool.Pooled pooled;
		try {
			pooled = pool.take(length, settings.pollTimeout()).orElseThrow(() -> new CameraException(
					CameraErrorCode.SERVICE_FATAL_ERROR, "camera " + camera + " has no free frame buffer for capture "
							+ request.captureId() + ": the framework still holds all " + pool.capacity()
							+ " after " + settings.pollTimeout().toMillis() + " ms"));
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new CameraException(CameraErrorCode.SERVICE_FATAL_ERROR,
					"camera " + camera + " was interrupted during capture " + request.captureId());
		}
		MemorySegment.ofBuffer(pooled.storage()).copyFrom(mapping.asSlice(0, length));
		pooled.lent().clear().limit(length);
		return pooled;
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
