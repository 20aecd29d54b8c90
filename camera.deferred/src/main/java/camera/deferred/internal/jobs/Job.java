package camera.deferred.internal.jobs;

import java.time.Instant;

import camera.api.DeferredJob;
import camera.api.JobPriority;
import camera.api.JobState;

/**
 * One deferred job as the engine tracks it. Guarded by the {@link JobTable}'s lock, except the cancel flag, which a
 * running job polls between tiles.
 */
final class Job {
	private final String id;
	private final Instant capturedAt;
	private final Instant acceptedAt;
	private JobState state = JobState.PENDING;
	/** Volatile: a running job reads it between tiles to know whether it must yield to a capture. */
	private volatile JobPriority priority = JobPriority.NORMAL;
	/** Orders jobs of one priority: FIFO ascending, HIGH descending; raised when a job is re-prioritised. */
	private long sequence;
	private Instant queuedAt;
	private Instant notBefore = Instant.MIN;
	private int attempts;
	/** Attempts a process died during, from the spool: a burst that kills the process must not loop for ever. */
	private final int interrupted;
	private int assetChecks;
	private String assetUri;
	private String error;
	private volatile boolean cancelled;
	/** Spool bytes this job accounts for, until its spool is released. */
	private long bytes;

	Job(String id, Instant capturedAt, Instant acceptedAt, int interrupted, long bytes) {
		this.id = id;
		this.bytes = bytes;
		this.capturedAt = capturedAt;
		this.acceptedAt = acceptedAt;
		this.queuedAt = acceptedAt;
		this.interrupted = interrupted;
	}

	String id() {
		return id;
	}

	Instant capturedAt() {
		return capturedAt;
	}

	Instant acceptedAt() {
		return acceptedAt;
	}

	JobState state() {
		return state;
	}

	void state(JobState newState) {
		state = newState;
	}

	JobPriority priority() {
		return priority;
	}

	void priority(JobPriority newPriority, long newSequence) {
		priority = newPriority;
		sequence = newSequence;
	}

	long sequence() {
		return sequence;
	}

	Instant queuedAt() {
		return queuedAt;
	}

	void queuedAt(Instant time) {
		queuedAt = time;
	}

	Instant notBefore() {
		return notBefore;
	}

	void notBefore(Instant time) {
		notBefore = time;
	}

	int interrupted() {
		return interrupted;
	}

	int attempts() {
		return attempts;
	}

	void attempts(int count) {
		attempts = count;
	}

	/** @return how many times in a row the job found no asset yet, then counts one more */
	int nextAssetCheck() {
		return assetChecks++;
	}

	/** @return whether the job's last look found no asset: it cannot run until the camera creates one */
	boolean awaitingAsset() {
		return assetChecks > 0;
	}

	void assetFound() {
		assetChecks = 0;
	}

	String assetUri() {
		return assetUri;
	}

	void assetUri(String uri) {
		assetUri = uri;
	}

	String error() {
		return error;
	}

	void error(String reason) {
		error = reason;
	}

	boolean cancelled() {
		return cancelled;
	}

	void cancel() {
		cancelled = true;
	}

	/** @return the spool bytes the job accounted for; from now on it accounts for none */
	long releaseBytes() {
		long released = bytes;
		bytes = 0;
		return released;
	}

	DeferredJob snapshot() {
		return new DeferredJob(id, assetUri, state, priority, capturedAt, attempts, error);
	}
}
