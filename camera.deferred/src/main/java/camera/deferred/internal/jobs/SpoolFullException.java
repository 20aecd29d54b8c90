package camera.deferred.internal.jobs;

/** The spool budget does not allow another burst; the capture must be developed inline. */
public class SpoolFullException extends RuntimeException {
	private static final long serialVersionUID = 1L;

	public SpoolFullException(String message) {
		super(message);
	}
}
