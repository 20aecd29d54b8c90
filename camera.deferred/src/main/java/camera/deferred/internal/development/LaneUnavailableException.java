package camera.deferred.internal.development;

/** A lane could not develop a job for reasons of its own; the job is given to a lane again, not failed. */
public final class LaneUnavailableException extends RuntimeException {
	private static final long serialVersionUID = 1L;

	public LaneUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}
}
