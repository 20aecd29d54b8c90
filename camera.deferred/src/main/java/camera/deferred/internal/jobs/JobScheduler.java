package camera.deferred.internal.jobs;

import camera.deferred.internal.schedule.Conditions;

/**
 * Which job a free worker runs next, and when a running job must make way for a HIGH request. The scheduling
 * conditions read sysfs and the disk: they are evaluated here, outside the {@link JobTable}'s lock, and the table
 * picks with what they said.
 */
final class JobScheduler {
	private final JobTable table;
	private final JobEngine.Services services;

	JobScheduler(JobTable table, JobEngine.Services services) {
		this.table = table;
		this.services = services;
	}

	/** @return the next job to run, marked RUNNING; null when the calling worker should end */
	Job nextJob() {
		try {
			while (table.keepsWorker()) {
				long seen = table.changes();
				Job job = table.take(conditions(), seen);
				if (job != null) {
					return job;
				}
			}
			return null;
		} catch (InterruptedException e) {
			table.endWorker();
			Thread.currentThread().interrupt();
			return null;
		}
	}

	/** @return the conditions as they stand now; null while the pipeline is missing and no job may start */
	private Conditions conditions() {
		if (services.developer().get() == null || services.codec().get() == null) {
			return null;
		}
		return Conditions.evaluate(services.conditions().get());
	}

	/**
	 * A HIGH request is the photo a user waits for: when every worker is busy, a running NORMAL or LOW job gives
	 * its worker up at the next tile and runs again later.
	 */
	boolean mustMakeWayForHigh(Job job) {
		return table.mustMakeWayForHigh(job);
	}
}
