package camera.api;

import java.util.Objects;

/**
 * A camera operation failed or was misused. The message is one readable line for a person; the operation
 * changed nothing.
 */
public class CameraException extends RuntimeException {
	private static final long serialVersionUID = 1L;

	private final CameraErrorCode errorCode;

	public CameraException(CameraErrorCode errorCode, String message) {
		this(errorCode, message, null);
	}

	public CameraException(CameraErrorCode errorCode, String message, Throwable cause) {
		super(message, cause);
		this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
	}

	/** @return what kind of failure this is */
	public CameraErrorCode errorCode() {
		return errorCode;
	}
}
