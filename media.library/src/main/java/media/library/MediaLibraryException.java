package media.library;

import java.util.Objects;

/**
 * A media library operation failed. The message is one readable line for a person; {@link #errorCode()}
 * says what kind of failure it was. An operation that throws has changed nothing.
 */
public class MediaLibraryException extends RuntimeException {
	private static final long serialVersionUID = 1L;

	private final MediaLibraryErrorCode errorCode;

	public MediaLibraryException(MediaLibraryErrorCode errorCode, String message) {
		this(errorCode, message, null);
	}

	public MediaLibraryException(MediaLibraryErrorCode errorCode, String message, Throwable cause) {
		super(message, cause);
		this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
	}

	/** @return what kind of failure this is */
	public MediaLibraryErrorCode errorCode() {
		return errorCode;
	}
}
