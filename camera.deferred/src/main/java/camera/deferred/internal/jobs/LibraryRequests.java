package camera.deferred.internal.jobs;

import org.osgi.service.log.Logger;

/**
 * What the library's word on its assets does to the jobs, for {@link LibrarySession}: a deleted asset cancels its
 * job and a listed asset claims its job.
 */
final class LibraryRequests {
	private final JobTable table;
	private final JobOutcomes outcomes;
	private final Housekeeping housekeeping;
	private final Logger log;
	/** Only a spool that was read whole tells which assets lost their frames. */
	private volatile boolean spoolRecovered;

	LibraryRequests(JobTable table, JobOutcomes outcomes, Housekeeping housekeeping, Logger log) {
		this.table = table;
		this.outcomes = outcomes;
		this.housekeeping = housekeeping;
		this.log = log;
	}

	/** The spool was read whole at start-up: every job it holds is in the table. */
	void spoolRecovered() {
		spoolRecovered = true;
	}

	/** The asset was deleted for good: a queued job goes with its spool; a running one stops at its next tile. */
	void cancel(String jobId) {
		Job dropped = table.cancel(jobId);
		if (dropped != null) {
			outcomes.dropSpool(dropped, "its asset was deleted");
		}
	}

	/**
	 * The library holds an asset whose job is this one. A job the engine does not know lost its frames (every
	 * spooled job was loaded at start-up) and ends in ERROR; an ERROR job the library still lists is reported
	 * again, as the library was away the first time.
	 */
	void claim(String jobId, String assetUri, boolean trashed) {
		JobTable.Claim claim = table.claim(jobId, assetUri, trashed, spoolRecovered);
		if (claim.unknown()) {
			log.warn("job {} of asset {} is not known; the spool could not be read at start-up", jobId, assetUri);
		} else if (claim.toReport() != null) {
			housekeeping.later(() -> outcomes.endInError(claim.toReport(), claim.reason()));
		}
	}
}
