package camera.deferred.internal.jobs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import camera.api.JobPriority;

/**
 * The pending jobs in the order they should run: HIGH before NORMAL before LOW; the newest HIGH request first
 * (the photo the user looks at now); NORMAL and LOW first in, first out. Not thread-safe: the {@link JobTable}'s lock
 * guards it.
 */
final class JobQueue {
	private static final Comparator<Job> ORDER = Comparator.comparing((Job job) -> job.priority())
		.thenComparingLong(job -> job.priority() == JobPriority.HIGH ? -job.sequence() : job.sequence())
		.thenComparing(Job::id);

	private final TreeSet<Job> pending = new TreeSet<>(ORDER);
	private long nextSequence;

	/** Queues a job at the end of its priority (the front, for HIGH). */
	void add(Job job) {
		pending.add(job);
	}

	/** @return a sequence number later than every one handed out so far */
	long nextSequence() {
		return nextSequence++;
	}

	/**
	 * Moves a job to another priority. A job keeps its place when its priority does not change, so repeated
	 * requests do not starve older ones.
	 */
	void changePriority(Job job, JobPriority priority) {
		if (job.priority() == priority) {
			return;
		}
		boolean queued = pending.remove(job);
		job.reprioritise(priority, nextSequence());
		if (queued) {
			pending.add(job);
		}
	}

	void remove(Job job) {
		pending.remove(job);
	}

	boolean contains(Job job) {
		return pending.contains(job);
	}

	/** @return the job to run first, or null when none is pending */
	Job first() {
		return pending.isEmpty() ? null : pending.first();
	}

	/** @return the pending jobs, first to run first */
	List<Job> inOrder() {
		return new ArrayList<>(pending);
	}

	int size() {
		return pending.size();
	}
}
