package camera.deferred.internal.jobs;

/**
 * The room the spool may take: the bytes its jobs and the bursts being written account for, against the budget of
 * the settings, and how many captures went to the inline development instead. Guarded by the table's lock.
 */
final class SpoolBudget {
	private final JobTable table;
	private long bytes;
	private long fallbacks;

	SpoolBudget(JobTable table) {
		this.table = table;
	}

	/** @return whether the budget has room for the bytes, which are then counted as used */
	boolean reserve(long requested) {
		table.lock();
		try {
			if (bytes + requested > table.settings().spoolBudgetBytes()) {
				return false;
			}
			bytes += requested;
			return true;
		} finally {
			table.unlock();
		}
	}

	/** @return how the budget stands, for a refusal's message */
	String use() {
		table.lock();
		try {
			return bytes + " of " + table.settings().spoolBudgetBytes() + " bytes";
		} finally {
			table.unlock();
		}
	}

	/** Gives back room of a burst that did not become a job. */
	void release(long released) {
		table.lock();
		try {
			bytes -= released;
		} finally {
			table.unlock();
		}
	}

	/** Gives back the room of a job whose spool is gone. */
	void release(Job job) {
		table.lock();
		try {
			bytes -= job.releaseBytes();
		} finally {
			table.unlock();
		}
	}

	/** Called with the lock held: a job found in the spool at start-up takes its room without a check. */
	void recovered(long recoveredBytes) {
		bytes += recoveredBytes;
	}

	/** A capture went to the inline development instead of the spool. */
	void countFallback() {
		table.lock();
		try {
			fallbacks++;
		} finally {
			table.unlock();
		}
	}

	/** Called with the lock held. */
	long bytes() {
		return bytes;
	}

	/** Called with the lock held. */
	long fallbacks() {
		return fallbacks;
	}
}
