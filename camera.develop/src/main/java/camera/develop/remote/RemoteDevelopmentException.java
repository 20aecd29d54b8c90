package camera.develop.remote;

import java.util.Objects;

/** A refused or failed remote development, with its {@link RemoteErrorCode}; the message is one readable line. */
public class RemoteDevelopmentException extends RuntimeException {
	private static final long serialVersionUID = 1L;

	private final RemoteErrorCode errorCode;

	public RemoteDevelopmentException(RemoteErrorCode errorCode, String message) {
		super(errorCode + ": " + message);
		this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
	}

	public RemoteErrorCode errorCode() {
		return errorCode;
	}
}
