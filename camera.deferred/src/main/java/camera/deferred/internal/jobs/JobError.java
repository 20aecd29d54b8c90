package camera.deferred.internal.jobs;

/** Why a job ended in ERROR (or why one attempt FAILED); the code leads the reason sent to the library. */
enum JobError {
	/** The spool holds no frames for the job: they were lost or never written. */
	SPOOL_MISSING,
	/** The job's spool files cannot be read back. */
	SPOOL_UNREADABLE,
	/**
	 * Not one frame of the job passes its checksums (a power loss left them truncated or zeroed): the FAST image
	 * becomes the photo rather than a FULL one made from damaged frames.
	 */
	SPOOL_DAMAGED,
	/** The pipeline or the encoder failed. */
	DEVELOPMENT_FAILED,
	/** Development took longer than the job timeout. */
	TIMED_OUT,
	/** The library could not replace the image. */
	REPLACEMENT_FAILED,
	/** The developed photo could not be written, the disk being full or failing: the attempt is tried again. */
	STORAGE_FULL,
	/** Attempts were started but never ended, across restarts: the job may be what brings the process down. */
	ABANDONED_ATTEMPTS;

	String reason(String detail) {
		return name() + ": " + detail;
	}
}
