package camera.deferred.internal.jobs;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import camera.api.JobPriority;
import camera.api.JobState;

import org.osgi.service.log.Logger;

/**
 * What the library's word on its assets does to the jobs, for {@link LibrarySession}: a deleted asset cancels its
 * job, a listed asset claims its job, and a synchronization counts the jobs no asset listed.
 */
final class LibraryRequests {
	private final JobTable table;
	private final JobScheduler scheduler;
	private final JobOutcomes outcomes;
	private final Housekeeping housekeeping;
	private final Logger log;
	private final Clock clock;
	/** Only a spool that was read whole tells which assets lost their frames. */
	private volatile boolean spoolRecovered;

	LibraryRequests(JobTable table, JobScheduler scheduler, JobOutcomes outcomes, Housekeeping housekeeping,
			Logger log, Clock clock) {
		this.table = table;
		this.scheduler = scheduler;
		this.outcomes = outcomes;
		this.housekeeping = housekeeping;
		this.log = log;
		this.clock = clock;
	}

	/** The spool was read whole at start-up: every job it holds is in the table. */
	void spoolRecovered() {
		spoolRecovered = true;
	}

	/** The asset was deleted for good: a queued job goes with its spool; a running one stops at its next tile. */
	void cancel(String jobId) {
		Job dropped;
		table.lock();
		try {
			Job job = table.job(jobId);
			if (job == null) {
				return;
			}
			job.cancel();
			if (job.state() == JobState.RUNNING) {
				// The worker notices at the next tile and drops the spool itself.
				return;
			}
			dropped = job;
			table.forget(job);
		} finally {
			table.unlock();
		}
		outcomes.dropSpool(dropped, "its asset was deleted");
	}

	/**
	 * The library holds an asset whose job is this one. A job the engine does not know lost its frames (every
	 * spooled job was loaded at start-up) and ends in ERROR; an ERROR job the library still lists is reported
	 * again, as the library was away the first time.
	 */
	void claim(String jobId, String assetUri, boolean trashed) {
		Job lost = null;
		table.lock();
		try {
			Job job = table.job(jobId);
			if (job == null && !spoolRecovered) {
				log.warn("job {} of asset {} is not known; the spool could not be read at start-up", jobId, assetUri);
				return;
			}
			if (job == null) {
				Instant now = clock.instant();
				lost = new Job(jobId, now, now, 0, 0);
				lost.assetUri(assetUri);
				table.register(lost);
			} else {
				job.assetUri(assetUri);
				if (trashed && job.priority() != JobPriority.LOW) {
					scheduler.reprioritise(job, JobPriority.LOW);
				}
				if (job.state() == JobState.ERROR) {
					lost = job;
				}
			}
		} finally {
			table.unlock();
		}
		if (lost != null) {
			Job job = lost;
			String reason = job.error() != null ? job.error()
					: JobError.SPOOL_MISSING.reason("no raw frames are spooled for job " + jobId);
			housekeeping.later(() -> outcomes.endInError(job, reason));
		}
	}

	/** @return how many jobs are not among these */
	int countJobsOutside(Set<String> jobIds) {
		table.lock();
		try {
			return (int) table.jobs().stream().filter(job -> !jobIds.contains(job.id())).count();
		} finally {
			table.unlock();
		}
	}
}
