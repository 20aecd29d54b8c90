package camera.hal.v4l2.internal.camera;

import java.util.concurrent.locks.ReentrantLock;

import camera.api.CameraErrorCode;
import camera.api.CameraException;
import camera.api.hal.FrameSink;
import camera.api.hal.HalCaptureRequest;
import camera.api.hal.HalDevice;
import camera.hal.v4l2.internal.device.VideoDevice;
import camera.hal.v4l2.internal.syscall.SyscallException;

/** An open V4L2 camera. Captures run one at a time; closing waits for the capture in progress to stop. */
final class V4l2HalDevice implements HalDevice {
	private final V4l2Camera camera;
	private final VideoDevice device;
	private final ReentrantLock captureLock = new ReentrantLock();
	private volatile boolean closing;
	private boolean closed;

	V4l2HalDevice(V4l2Camera camera, VideoDevice device) {
		this.camera = camera;
		this.device = device;
	}

	@Override
	public void capture(HalCaptureRequest request, FrameSink sink) {
		int fourcc = camera.fourcc(request).orElseThrow(() -> new CameraException(CameraErrorCode.INVALID_ARGUMENT,
				"camera " + camera.id() + " has no profile " + request.size() + " " + request.format()));
		CaptureSettings settings = camera.settings();
		if (request.frameCount() > settings.maxBurst()) {
			throw new CameraException(CameraErrorCode.INVALID_ARGUMENT, "camera " + camera.id() + " captures at most "
					+ settings.maxBurst() + " frames at once, not " + request.frameCount());
		}
		captureLock.lock();
		try {
			if (camera.gone()) {
				throw new CameraException(CameraErrorCode.DEVICE_DISABLED, "camera " + camera.id() + " is gone");
			}
			if (closed || closing) {
				throw new CameraException(CameraErrorCode.OPERATION_NOT_ALLOWED,
						"camera " + camera.id() + " was closed");
			}
			new StreamingCapture(device, camera.id(), settings, () -> closing).run(request, fourcc, sink);
		} catch (CameraException e) {
			if (e.errorCode() == CameraErrorCode.DEVICE_DISABLED && !closing) {
				camera.lost();
			}
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
			camera.released(this);
			device.close();
		} catch (SyscallException e) {
			throw Faults.toCameraException(camera.id(), "close " + device.path(), e);
		} finally {
			captureLock.unlock();
		}
	}
}
