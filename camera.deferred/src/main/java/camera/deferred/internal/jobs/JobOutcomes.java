package camera.deferred.internal.jobs;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import camera.api.DeferredJobEvents;
import camera.api.JobState;
import media.library.processing.CameraPhotoStore;

import org.osgi.service.log.Logger;

/**
 * How an attempt of phase 2 changes its job, told by {@link JobRunner}: started, back in the queue, failed (to be
 * retried), completed, ended in ERROR or dropped with its spool. Each outcome updates the table, gives back the
 * spool room and posts the job's new state.
 */
final class JobOutcomes {
	private final JobTable table;
	private final SpoolBudget budget;
	private final Housekeeping housekeeping;
	private final Spool spool;
	private final JobEngine.Services services;
	private final Logger log;
	private final Clock clock;

	JobOutcomes(JobTable table, SpoolBudget budget, Housekeeping housekeeping, Spool spool,
			JobEngine.Services services, Logger log, Clock clock) {
		this.table = table;
		this.budget = budget;
		this.housekeeping = housekeeping;
		this.spool = spool;
		this.services = services;
		this.log = log;
		this.clock = clock;
	}

	/** Marks the start of an attempt: the asset is known, the attempt counted, RUNNING posted. */
	void startAttempt(Job job, String assetUri, long queuedMs) {
		table.lock();
		try {
			job.assetFound();
			job.assetUri(assetUri);
			job.attempts(job.attempts() + 1);
			housekeeping.publish(job, Map.of(DeferredJobEvents.QUEUED_MS, queuedMs));
		} finally {
			table.unlock();
		}
	}

	/** @return how many times in a row the job found no asset before this look */
	int nextAssetCheck(Job job) {
		table.lock();
		try {
			return job.nextAssetCheck();
		} finally {
			table.unlock();
		}
	}

	void uncountAttempt(Job job) {
		table.lock();
		try {
			job.attempts(job.attempts() - 1);
		} finally {
			table.unlock();
		}
	}

	void requeue(Job job, Instant notBefore, boolean announce) {
		table.lock();
		try {
			table.attemptEnded();
			if (job.cancelled()) {
				forgetLater(job);
				return;
			}
			job.state(JobState.PENDING);
			job.notBefore(notBefore);
			if (announce) {
				job.queuedAt(clock.instant());
				housekeeping.publish(job, Map.of());
			}
			table.queue().add(job);
			table.signalAll();
		} finally {
			table.unlock();
		}
	}

	void attemptFailed(Job job, String reason) {
		EngineSettings current = table.currentSettings();
		if (job.attempts() >= current.maxAttempts()) {
			finishAttempt(job);
			endInError(job, reason);
			return;
		}
		log.warn("attempt {} of job {} failed; it will be retried: {}", job.attempts(), job.id(), reason);
		table.lock();
		try {
			table.attemptEnded();
			job.state(JobState.FAILED);
			job.error(reason);
			job.notBefore(clock.instant().plus(current.retryDelay()));
			housekeeping.publish(job, Map.of(DeferredJobEvents.ERROR, reason));
			if (job.cancelled()) {
				forgetLater(job);
				return;
			}
			table.queue().add(job);
			table.signalAll();
		} finally {
			table.unlock();
		}
	}

	/** The spool goes before the event, so whoever hears COMPLETED finds nothing left behind. */
	void complete(Job job, long queuedMs, long phase2Ms) {
		table.lock();
		try {
			job.state(JobState.COMPLETED);
			job.error(null);
			table.recordCompletion(job, queuedMs, phase2Ms);
		} finally {
			table.unlock();
		}
		deleteSpool(job);
		table.lock();
		try {
			table.attemptEnded();
			housekeeping.publish(job,
					Map.of(DeferredJobEvents.QUEUED_MS, queuedMs, DeferredJobEvents.PHASE2_MS, phase2Ms));
			table.signalAll();
		} finally {
			table.unlock();
		}
	}

	/** Leaves RUNNING without going back to the queue. */
	void finishAttempt(Job job) {
		table.lock();
		try {
			if (job.state() == JobState.RUNNING) {
				table.attemptEnded();
				job.state(JobState.PENDING);
			}
		} finally {
			table.unlock();
		}
	}

	/**
	 * Ends a job for good: the library keeps the asset FAST and visible and forgets the job; the spool goes once
	 * the library has heard of it (else the next synchronization reports it again).
	 */
	void endInError(Job job, String reason) {
		boolean first;
		table.lock();
		try {
			first = job.state() != JobState.ERROR;
			if (first) {
				table.recordFailure();
				job.state(JobState.ERROR);
				job.error(reason);
				table.queue().remove(job);
			}
		} finally {
			table.unlock();
		}
		if (first) {
			log.error("job {} of asset {} ended in error: {}", job.id(), job.assetUri(), reason);
		}
		CameraPhotoStore library = services.library().get();
		if (library != null) {
			try {
				library.failDeferredPhoto(job.id(), reason);
				deleteSpool(job);
			} catch (RuntimeException e) {
				log.error("library could not record the error of job {}; it is reported again at the next start: {}",
						job.id(), e.toString());
			}
		}
		if (first) {
			table.lock();
			try {
				housekeeping.publish(job, Map.of(DeferredJobEvents.ERROR, reason));
				table.signalAll();
			} finally {
				table.unlock();
			}
		}
	}

	void drop(Job job, String why) {
		table.lock();
		try {
			table.forget(job);
		} finally {
			table.unlock();
		}
		dropSpool(job, why);
	}

	/** The spool goes before the CANCELLED event, so whoever hears it finds nothing left behind. */
	void dropSpool(Job job, String why) {
		log.info("job {} dropped: {}", job.id(), why);
		deleteSpool(job);
		table.lock();
		try {
			housekeeping.post(DeferredJobEvents.TOPIC_CANCELLED, job, Map.of());
			table.signalAll();
		} finally {
			table.unlock();
		}
	}

	/** Called with the lock held, for a job cancelled while it ran. */
	private void forgetLater(Job job) {
		table.forget(job);
		housekeeping.later(() -> dropSpool(job, "its asset was deleted"));
	}

	private void deleteSpool(Job job) {
		try {
			spool.delete(job.id());
			budget.release(job);
		} catch (IOException e) {
			log.error("spool of job {} could not be deleted: {}", job.id(), e.toString());
		}
	}
}
