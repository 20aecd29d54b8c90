package camera.web.internal.api;

import camera.api.CameraException;
import media.library.MediaLibraryException;

/** Turns the camera's and the library's documented errors into API errors that keep their code's name. */
final class DomainErrors {

	private DomainErrors() {
	}

	static ApiError of(CameraException e) {
		int status = switch (e.errorCode()) {
			case INVALID_ARGUMENT -> 400;
			case CONFLICT_CAMERA, DEVICE_PREEMPTED, OPERATION_NOT_ALLOWED, SESSION_CONFIG_LOCKED,
					DEVICE_SETTING_LOCKED, SESSION_NOT_CONFIG, SESSION_NOT_RUNNING -> 409;
			case DEVICE_DISABLED, SERVICE_FATAL_ERROR -> 503;
		};
		return new ApiError(status, e.errorCode().name(), e.getMessage());
	}

	static ApiError of(MediaLibraryException e) {
		int status = switch (e.errorCode()) {
			case INVALID_ARGUMENT, INVALID_DISPLAY_NAME, INVALID_URI -> 400;
			case NOT_FOUND -> 404;
			case OPERATION_NOT_SUPPORTED, CANCELLED -> 409;
			case BUSY -> 503;
			case STORAGE_FULL -> 507;
			case IO_ERROR -> 500;
		};
		return new ApiError(status, e.errorCode().name(), e.getMessage());
	}
}
