package camera.deferred.internal.jobs;

import java.io.IOException;

/**
 * Not one frame of a job's spool is intact (each fails its checksums or is gone, as a power loss can leave them):
 * phase 2 cannot succeed, and trying again would not change that.
 */
final class SpoolDamagedException extends IOException {
	private static final long serialVersionUID = 1L;

	SpoolDamagedException(String message) {
		super(message);
	}
}
