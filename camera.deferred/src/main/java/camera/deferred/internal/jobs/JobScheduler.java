package camera.deferred.internal.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import camera.api.JobPriority;
import camera.api.JobState;
import camera.deferred.internal.schedule.Conditions;

/**
 * Which job runs next: the priorities the library asks for, the job a free worker takes (or how long it waits),
 * and when a running job must make way for a HIGH request.
 */
final class JobScheduler {
	private final JobTable table;
	private final Housekeeping housekeeping;
	private final JobEngine.Services services;
	private final Clock clock;

	JobScheduler(JobTable table, Housekeeping housekeeping, JobEngine.Services services, Clock clock) {
		this.table = table;
		this.housekeeping = housekeeping;
		this.services = services;
		this.clock = clock;
	}

	void changePriority(String jobId, JobPriority priority) {
		table.lock();
		try {
			Job job = table.job(jobId);
			if (job != null && job.state() != JobState.ERROR && job.priority() != priority) {
				reprioritise(job, priority);
				table.signalAll();
			}
		} finally {
			table.unlock();
		}
	}

	/** Called with the lock held. */
	void reprioritise(Job job, JobPriority priority) {
		table.queue().changePriority(job, priority);
		if (table.queue().contains(job)) {
			housekeeping.publish(job, Map.of());
		}
	}

	/** @return the next job to run, marked RUNNING; null when the calling worker should end */
	Job nextJob() {
		table.lock();
		try {
			while (true) {
				if (table.stopped() || table.workerThreads() > table.settings().workers()) {
					table.workerEnded();
					return null;
				}
				Instant now = clock.instant();
				Instant wakeAt = pickable(now);
				if (wakeAt == null) {
					Job job = pick(now);
					if (job != null) {
						table.queue().remove(job);
						job.state(JobState.RUNNING);
						table.attemptStarted();
						return job;
					}
					wakeAt = table.queue().size() > 0 ? now.plus(table.settings().recheckInterval()) : Instant.MAX;
				}
				if (wakeAt.equals(Instant.MAX)) {
					table.await();
				} else {
					table.awaitNanos(Math.max(1, Duration.between(now, wakeAt).toNanos()));
				}
			}
		} catch (InterruptedException e) {
			table.workerEnded();
			Thread.currentThread().interrupt();
			return null;
		} finally {
			table.unlock();
		}
	}

	/** @return null when some queued job may start now, else when the earliest retry or asset check is due */
	private Instant pickable(Instant now) {
		if (table.queue().size() == 0) {
			return Instant.MAX;
		}
		Instant earliest = Instant.MAX;
		for (Job job : table.queue().inOrder()) {
			if (!job.notBefore().isAfter(now)) {
				return null;
			}
			if (job.notBefore().isBefore(earliest)) {
				earliest = job.notBefore();
			}
		}
		Duration recheck = table.settings().recheckInterval();
		return earliest.isAfter(now.plus(recheck)) ? now.plus(recheck) : earliest;
	}

	private Job pick(Instant now) {
		if (services.developer().get() == null || services.codec().get() == null) {
			return null;
		}
		Conditions conditions = Conditions.evaluate(services.conditions().get());
		boolean draining = table.draining() > 0;
		for (Job job : table.queue().inOrder()) {
			if (job.notBefore().isAfter(now)) {
				continue;
			}
			boolean high = job.priority() == JobPriority.HIGH;
			boolean overdue = job.priority() == JobPriority.NORMAL
					&& !job.acceptedAt().plus(table.settings().overdueAge()).isAfter(now);
			if ((table.paused() && !high && !draining) || !conditions.allow(job.priority(), overdue || draining)) {
				continue;
			}
			return job;
		}
		return null;
	}

	/**
	 * A HIGH request is the photo a user waits for: when every worker is busy, a running NORMAL or LOW job gives
	 * its worker up at the next tile and runs again later.
	 */
	boolean mustMakeWayForHigh(Job job) {
		if (job.priority() == JobPriority.HIGH) {
			return false;
		}
		table.lock();
		try {
			Job first = table.queue().first();
			return first != null && first.priority() == JobPriority.HIGH && table.running() >= table.workerThreads()
					&& !first.notBefore().isAfter(clock.instant());
		} finally {
			table.unlock();
		}
	}
}
