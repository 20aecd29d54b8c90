package media.library;

/** The error codes of the media library, with the numbers of the source documents where they exist. */
public enum MediaLibraryErrorCode {
	/** An argument is missing or malformed. */
	INVALID_ARGUMENT(401),
	/** No asset, file or request with that name exists. */
	NOT_FOUND(23800101),
	/** A display name is empty, too long, or holds a path separator, {@code ..} or a control character. */
	INVALID_DISPLAY_NAME(23800102),
	/** A URI is not of the form {@code file://media/Photo/<id>/<name>}. */
	INVALID_URI(23800103),
	/** The operation does not apply to the asset in its current state. */
	OPERATION_NOT_SUPPORTED(23800201),
	/** Reading or writing the database or a file failed. */
	IO_ERROR(23800301),
	/** The database stayed locked longer than the library waits. */
	BUSY(23800302),
	/** The disk holding the library is full. */
	STORAGE_FULL(23800303),
	/** The request was cancelled, or its asset was deleted while it waited. */
	CANCELLED(23800304);

	private final int code;

	MediaLibraryErrorCode(int code) {
		this.code = code;
	}

	/** @return the numeric code */
	public int code() {
		return code;
	}
}
