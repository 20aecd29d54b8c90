package camera.web.internal.api;

/**
 * A request that cannot be answered, as the one line of JSON the client gets:
 * {@code {"error":"<code>","message":"<one readable line>"}}. Thrown before anything was changed.
 */
public final class ApiError extends RuntimeException {
	private static final long serialVersionUID = 1L;

	private final int status;
	private final String code;

	public ApiError(int status, String code, String message) {
		super(oneLine(message), null, false, false);
		this.status = status;
		this.code = code;
	}

	public ApiError(WebErrorCode code, String message) {
		this(code.status(), code.name(), message);
	}

	/** @return the HTTP status */
	public int status() {
		return status;
	}

	/** @return the documented error code */
	public String code() {
		return code;
	}

	/** @return the JSON body */
	public Body body() {
		return new Body(code, getMessage());
	}

	/** The JSON form of an error. */
	public record Body(String error, String message) {
	}

	private static String oneLine(String message) {
		return message == null ? "" : message.replaceAll("[\\r\\n\\t\\p{Cntrl}]+", " ").strip();
	}
}
