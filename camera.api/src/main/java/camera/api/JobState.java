package camera.api;

/** The state of a deferred job. */
public enum JobState {
	/** Waiting for the scheduler. */
	PENDING,
	/** Being developed. */
	RUNNING,
	/** Its FULL image replaced the FAST one. */
	COMPLETED,
	/** Its last attempt failed; it will be retried. */
	FAILED,
	/** It can never complete (spool lost, retries exhausted); its asset stays FAST. */
	ERROR
}
