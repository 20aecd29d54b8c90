package camera.deferred.internal.jobs;

import java.util.function.BooleanSupplier;

import camera.deferred.internal.development.DevelopmentLane;
import camera.deferred.internal.schedule.Conditions;

/**
 * Which job a free worker runs next, and when a running job must make way for a HIGH request. The scheduling
 * conditions read sysfs and the disk: they are evaluated here, outside the {@link JobTable}'s lock, and the table
 * picks with what they said. Each worker serves one lane: this machine's, or a node's, whose jobs leave this
 * machine's pressure alone; a HIGH job goes to the lane {@link DevelopmentLanes} expects to finish it first.
 */
final class JobScheduler {
	private final JobTable table;
	private final JobEngine.Services services;
	private final DevelopmentLanes lanes;

	JobScheduler(JobTable table, JobEngine.Services services, DevelopmentLanes lanes) {
		this.table = table;
		this.services = services;
		this.lanes = lanes;
	}

	/**
	 * @param lane the worker's lane, open in {@link DevelopmentLanes} while its workers should go on
	 * @return the next job for a worker of that lane, marked RUNNING; null when the worker should end
	 */
	Job nextJob(DevelopmentLane lane) {
		if (lane.local()) {
			return nextJob(lane, table::keepsWorker);
		}
		return nextJob(lane, () -> table.keepsLaneWorker(() -> lanes.isOpen(lane)));
	}

	private Job nextJob(DevelopmentLane lane, BooleanSupplier keeps) {
		JobTable.LaneView view = new JobTable.LaneView(!lane.local(), () -> lanes.finishesHighFirst(lane));
		try {
			while (keeps.getAsBoolean()) {
				long seen = table.changes();
				Job job = table.take(conditions(lane), seen, view);
				if (job != null) {
					return job;
				}
			}
			return null;
		} catch (InterruptedException e) {
			if (lane.local()) {
				table.endWorker();
			}
			Thread.currentThread().interrupt();
			return null;
		}
	}

	/**
	 * @return the conditions as they stand now; null while this machine's pipeline is missing and no job may start
	 *         on its lane
	 */
	private Conditions conditions(DevelopmentLane lane) {
		if (lane.local() && (services.developer().get() == null || services.codec().get() == null)) {
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
