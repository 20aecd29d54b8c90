package camera.hal.v4l2.internal.camera;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import camera.api.CameraErrorCode;
import camera.api.CameraException;
import camera.api.Size;
import camera.api.hal.FrameSink;
import camera.api.hal.HalCaptureRequest;
import camera.api.hal.HalDevice;
import camera.api.hal.HalStream;
import camera.api.hal.HalStreamRequest;
import camera.api.hal.PixelFormat;
import camera.hal.v4l2.internal.device.VideoDevice;
import camera.hal.v4l2.internal.syscall.SyscallException;

/**
 * An open V4L2 camera. Captures and streams run one at a time; closing stops the stream, waits for the capture in
 * progress to stop and, a bounded time, for the stream's lent frames to come back.
 */
final class V4l2HalDevice implements HalDevice {
	private final V4l2Camera camera;
	private final VideoDevice device;
	private final FramePool pool;
	private final ReentrantLock captureLock = new ReentrantLock();
	/** Streams started on this device whose frames may still be lent, the latest last. */
	private final List<FrameStream> streams = new ArrayList<>();
	private volatile boolean closing;
	private boolean closed;

	V4l2HalDevice(V4l2Camera camera, VideoDevice device) {
		this.camera = camera;
		this.device = device;
		this.pool = new FramePool(camera.settings().pooledFrames());
	}

	@Override
	public void capture(HalCaptureRequest request, FrameSink sink) {
		int fourcc = fourcc(request.size(), request.format());
		CaptureSettings settings = camera.settings();
		if (request.frameCount() > settings.maxBurst()) {
			throw new CameraException(CameraErrorCode.INVALID_ARGUMENT, "camera " + camera.id() + " captures at most "
					+ settings.maxBurst() + " frames at once, not " + request.frameCount());
		}
		captureLock.lock();
		try {
			checkUsable();
			if (streaming()) {
				throw new CameraException(CameraErrorCode.OPERATION_NOT_ALLOWED,
						"camera " + camera.id() + " streams: its frames come from the stream");
			}
			new StreamingCapture(device, camera.id(), settings, pool, () -> closing).run(request, fourcc, sink);
		} catch (CameraException e) {
			reportLoss(e);
			throw e;
		} finally {
			captureLock.unlock();
		}
	}

	@Override
	public Optional<HalStream> stream(HalStreamRequest request, FrameSink sink) {
		int fourcc = fourcc(request.size(), request.format());
		captureLock.lock();
		try {
			checkUsable();
			if (streaming()) {
				throw new CameraException(CameraErrorCode.OPERATION_NOT_ALLOWED,
						"camera " + camera.id() + " already streams");
			}
			// A stream that ended by a failure still needs its close; one whose frames all came back is done with.
			streams.forEach(FrameStream::close);
			streams.removeIf(FrameStream::finished);
			FrameStream stream = FrameStream.start(device, camera.id(), camera.settings(), request, fourcc, sink,
					camera.log(), () -> {
						if (!closing) {
							camera.lost();
						}
					});
			streams.add(stream);
			return Optional.of(stream);
		} catch (CameraException e) {
			reportLoss(e);
			throw e;
		} finally {
			captureLock.unlock();
		}
	}

	@Override
	public void close() {
		closing = true;
		captureLock.lock();
		try {
			if (closed) {
				return;
			}
			closed = true;
			streams.forEach(FrameStream::close);
			awaitReleases();
			camera.released(this);
			device.close();
		} catch (SyscallException e) {
			throw Faults.toCameraException(camera.id(), "close " + device.path(), e);
		} finally {
			captureLock.unlock();
		}
	}

	/** Waits a bounded time for lent stream frames; their mappings outlive the device if they never come back. */
	private void awaitReleases() {
		try {
			int lent = 0;
			for (FrameStream stream : streams) {
				lent += stream.awaitReleases(camera.settings().releaseTimeout());
			}
			if (lent > 0) {
				camera.log().error("camera {} closes with {} frames still lent after {} ms; their buffers stay "
						+ "mapped until released", camera.id(), lent, camera.settings().releaseTimeout().toMillis());
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			camera.log().warn("camera {}: interrupted while waiting for lent frames", camera.id());
		}
		streams.clear();
	}

	private int fourcc(Size size, PixelFormat format) {
		return camera.fourcc(size, format).orElseThrow(() -> new CameraException(CameraErrorCode.INVALID_ARGUMENT,
				"camera " + camera.id() + " has no profile " + size + " " + format));
	}

	private void checkUsable() {
		if (camera.gone()) {
			throw new CameraException(CameraErrorCode.DEVICE_DISABLED, "camera " + camera.id() + " is gone");
		}
		if (closed || closing) {
			throw new CameraException(CameraErrorCode.OPERATION_NOT_ALLOWED, "camera " + camera.id() + " was closed");
		}
	}

	private boolean streaming() {
		return !streams.isEmpty() && streams.getLast().running();
	}

	private void reportLoss(CameraException e) {
		if (e.errorCode() == CameraErrorCode.DEVICE_DISABLED && !closing) {
			camera.lost();
		}
	}
}
