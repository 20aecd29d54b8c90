package camera.deferred.internal.jobs;

import java.io.IOException;

/**
 * A write an attempt needs failed (a full or failing disk): nothing is wrong with the job or its frames, so the
 * attempt is tried again later rather than counted as the job's failure.
 */
final class WriteFailed extends IOException {
	private static final long serialVersionUID = 1L;

	WriteFailed(String what, IOException cause) {
		super(what + ": " + cause.getMessage(), cause);
	}
}
