package camera.deferred.internal.jobs;

/**
 * The room the spool takes: the bytes its jobs and the bursts being written account for, and how many captures
 * went to the inline development instead. Not thread-safe: the {@link JobTable}'s lock guards it.
 */
final class SpoolBudget {
	private long bytes;
	private long fallbacks;

	/** @return whether the budget has room for the bytes, which are then counted as used */
	boolean reserve(long requested, long budgetBytes) {
		if (bytes + requested > budgetBytes) {
			return false;
		}
		bytes += requested;
		return true;
	}

	/** Gives back room of a burst that did not become a job, or of a job whose spool is gone. */
	void release(long released) {
		bytes -= released;
	}

	/** A job found in the spool at start-up takes its room without a check. */
	void recovered(long recoveredBytes) {
		bytes += recoveredBytes;
	}

	/** A capture went to the inline development instead of the spool. */
	void countFallback() {
		fallbacks++;
	}

	long bytes() {
		return bytes;
	}

	long fallbacks() {
		return fallbacks;
	}
}
