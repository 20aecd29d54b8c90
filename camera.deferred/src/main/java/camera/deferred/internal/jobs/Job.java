package camera.deferred.internal.jobs;

import java.time.Instant;

import camera.api.DeferredJob;
import camera.api.JobPriority;
import camera.api.JobState;

/**
 * One deferred job as the engine tracks it. Each change of its state is one method here, and only the
 * {@link JobTable} calls them, inside its lock. The priority, the cancel flag and the asset URI are volatile as
 * well: a running job reads the first two between tiles, and log lines name the asset.
 */
final class Job {
	private final String id;
	private final Instant capturedAt;
	private final Instant acceptedAt;
	private JobState state = JobState.PENDING;
	private volatile JobPriority priority = JobPriority.NORMAL;
	/** Orders jobs of one priority: FIFO ascending, HIGH descending; raised when a job is re-prioritised. */
	private long sequence;
	private Instant queuedAt;
	private Instant notBefore = Instant.MIN;
	private int attempts;
	private int storageWaits;
	/** Attempts a process died during, from the spool: a burst that kills the process must not loop for ever. */
	private final int interrupted;
	private int assetChecks;
	private volatile String assetUri;
	private String error;
	private volatile boolean cancelled;
	/** Spool bytes this job accounts for, until its spool is released. */
	private long bytes;

	/** A PENDING job at NORMAL priority, ordered by the sequence among the jobs of its priority. */
	Job(String id, Instant capturedAt, Instant acceptedAt, int interrupted, long bytes, long sequence) {
		this.id = id;
		this.bytes = bytes;
		this.capturedAt = capturedAt;
		this.acceptedAt = acceptedAt;
		this.queuedAt = acceptedAt;
		this.interrupted = interrupted;
		this.sequence = sequence;
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

	JobPriority priority() {
		return priority;
	}

	long sequence() {
		return sequence;
	}

	Instant queuedAt() {
		return queuedAt;
	}

	Instant notBefore() {
		return notBefore;
	}

	int interrupted() {
		return interrupted;
	}

	int attempts() {
		return attempts;
	}

	/** @return whether the job's last look found no asset: it cannot run until the camera creates one */
	boolean awaitingAsset() {
		return assetChecks > 0;
	}

	String assetUri() {
		return assetUri;
	}

	String error() {
		return error;
	}

	boolean cancelled() {
		return cancelled;
	}

	DeferredJob snapshot() {
		return new DeferredJob(id, assetUri, state, priority, capturedAt, attempts, error);
	}

	// ---------------------------------------------------------------- transitions (by the table, under its lock)

	/** A worker took the job from the queue: RUNNING. */
	void start() {
		state = JobState.RUNNING;
	}

	/** The job's asset exists: the attempt counts from now on. */
	void beginAttempt(String uri) {
		assetChecks = 0;
		assetUri = uri;
		attempts++;
	}

	/** @return how many looks in a row found no asset before this one, which is counted too */
	int assetMissing() {
		return assetChecks++;
	}

	/** PENDING again, not to start before that time. */
	void requeue(Instant time) {
		state = JobState.PENDING;
		notBefore = time;
	}

	/** The running attempt gave its worker up: it does not count, and the job waits in the queue from now. */
	void yieldWorker(Instant now) {
		attempts--;
		requeue(Instant.MIN);
		queuedAt = now;
	}

	/**
	 * The attempt could not write its output (a full or failing disk): FAILED, to run again from that time, without
	 * counting as one of the job's attempts.
	 */
	void failForStorage(String reason, Instant retryAt) {
		attempts--;
		storageWaits++;
		fail(reason, retryAt);
	}

	/** @return how many attempts so far could not write their output */
	int storageWaits() {
		return storageWaits;
	}

	/** The attempt failed: FAILED, to run again from that time. */
	void fail(String reason, Instant retryAt) {
		state = JobState.FAILED;
		error = reason;
		notBefore = retryAt;
	}

	void complete() {
		state = JobState.COMPLETED;
		error = null;
	}

	void endInError(String reason) {
		state = JobState.ERROR;
		error = reason;
	}

	/** Called by the queue, which re-sorts the job around the change. */
	void reprioritise(JobPriority newPriority, long newSequence) {
		priority = newPriority;
		sequence = newSequence;
	}

	void learnAsset(String uri) {
		assetUri = uri;
	}

	/** The job's asset is gone for good: a running job stops at its next tile. */
	void cancel() {
		cancelled = true;
	}

	/** @return the spool bytes the job accounted for; from now on it accounts for none */
	long releaseBytes() {
		long released = bytes;
		bytes = 0;
		return released;
	}
}
