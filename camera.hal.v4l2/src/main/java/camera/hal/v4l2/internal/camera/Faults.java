package camera.hal.v4l2.internal.camera;

import camera.api.CameraErrorCode;
import camera.api.CameraException;
import camera.hal.v4l2.internal.syscall.SyscallException;

/** Turns the kernel's errno into the camera error a client can act on. */
final class Faults {
	private Faults() {
	}

	static CameraException toCameraException(String camera, String doing, SyscallException e) {
		CameraErrorCode code = switch (e.errno()) {
		case SyscallException.ENODEV, SyscallException.ENXIO, SyscallException.ENOENT -> CameraErrorCode.DEVICE_DISABLED;
		case SyscallException.EBUSY -> CameraErrorCode.CONFLICT_CAMERA;
		default -> CameraErrorCode.SERVICE_FATAL_ERROR;
		};
		String reason = switch (code) {
		case DEVICE_DISABLED -> "the device is gone";
		case CONFLICT_CAMERA -> "the device is busy in another process";
		default -> "the system call failed (" + SyscallException.name(e.errno()) + ")";
		};
		return new CameraException(code, "camera " + camera + " could not " + doing + ": " + reason, e);
	}
}
