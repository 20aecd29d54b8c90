package camera.web.internal.api;

/**
 * The error codes of the web API that are not a camera or media library code; those pass through by name
 * ({@code NOT_FOUND}, {@code OPERATION_NOT_SUPPORTED}, {@code CONFLICT_CAMERA}, ...). Each has its HTTP status.
 * {@code /api/openapi.json} lists them all.
 */
public enum WebErrorCode {
	/** The body is not JSON, or a field or parameter is missing or malformed. */
	INVALID_REQUEST(400),
	/** No camera with that id is available now. */
	UNKNOWN_CAMERA(404),
	/** The camera does not offer that photo size. */
	UNSUPPORTED_SIZE(400),
	/** No such asset, or no such API path. */
	NOT_FOUND(404),
	/** The path exists but not for that method. */
	METHOD_NOT_ALLOWED(405),
	/** A token is configured and the request did not carry it. */
	UNAUTHORIZED(401),
	/** A state-changing request from another origin, or a request on a non-loopback address without a token. */
	FORBIDDEN(403),
	/** A service the request needs (camera, library, deferred engine) is not running. */
	SERVICE_UNAVAILABLE(503),
	/** The camera did not deliver in time. */
	CAPTURE_TIMEOUT(504),
	/** Something failed that the request could not have caused; the log says what. */
	INTERNAL_ERROR(500);

	private final int status;

	WebErrorCode(int status) {
		this.status = status;
	}

	/** @return the HTTP status of this error */
	public int status() {
		return status;
	}
}
