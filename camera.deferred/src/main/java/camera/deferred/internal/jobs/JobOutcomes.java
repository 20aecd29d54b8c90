package camera.deferred.internal.jobs;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import org.osgi.service.log.Logger;

import media.library.PhotoAsset;
import media.library.processing.CameraPhotoStore;

/**
 * How an attempt of phase 2 changes its job, told by {@link JobRunner}: started, back in the queue, failed (to be
 * retried), completed, ended in ERROR or dropped with its spool. Each outcome is a transition of the
 * {@link JobTable}; what it takes besides (the spool deleted, the library told) happens here, between them.
 */
final class JobOutcomes {
	private final JobTable table;
	private final Housekeeping housekeeping;
	private final Spool spool;
	private final JobEngine.Services services;
	private final Logger log;

	JobOutcomes(JobTable table, Housekeeping housekeeping, Spool spool, JobEngine.Services services, Logger log) {
		this.table = table;
		this.housekeeping = housekeeping;
		this.spool = spool;
		this.services = services;
		this.log = log;
	}

	/** Marks the start of an attempt: the asset is known, the attempt counted, RUNNING posted. */
	void startAttempt(Job job, String assetUri, long queuedMs) {
		table.beginAttempt(job, assetUri, queuedMs);
	}

	/** The job goes back to the queue without an event, not to start before that time. */
	void requeue(Job job, Instant notBefore) {
		if (!table.requeue(job, notBefore)) {
			dropLater(job);
		}
	}

	/** The job's asset does not exist yet: it looks again later. */
	void awaitAsset(Job job, Instant now) {
		if (!table.requeueUntilAsset(job, now)) {
			dropLater(job);
		}
	}

	/** The job gave its worker up; the attempt does not count. */
	void yielded(Job job) {
		if (!table.yieldWorker(job)) {
			dropLater(job);
		}
	}

	/** The attempt counted by the calling worker failed: the job is retried, or ends in ERROR after the last. */
	/** The attempt could not write its output: it is tried again later, not counted, its frames kept. */
	void storageFull(Job job, String reason) {
		log.warn("job {} could not write its photo; it will be tried again, its raw frames are kept: {}", job.id(),
				reason);
		if (!table.failForStorage(job, reason)) {
			dropLater(job);
		}
	}

	void attemptFailed(Job job, String reason) {
		if (job.attempts() >= table.settings().maxAttempts()) {
			endInError(job, reason);
			return;
		}
		log.warn("attempt {} of job {} failed; it will be retried: {}", job.attempts(), job.id(), reason);
		if (!table.fail(job, reason)) {
			dropLater(job);
		}
	}

	/** The spool goes before the event, so whoever hears COMPLETED finds nothing left behind. */
	void complete(Job job, long queuedMs, long phase2Ms) {
		table.complete(job, queuedMs, phase2Ms);
		deleteSpool(job);
		table.announceCompleted(job, queuedMs, phase2Ms);
	}

	/**
	 * Ends a job for good: the library makes the asset's FAST image final and forgets the job; the spool goes once
	 * the library has heard of it (else the next synchronization reports it again). A job no FAST asset holds any
	 * more (its photo is FULL already, or gone) leaves the engine instead of staying behind in ERROR.
	 */
	void endInError(Job job, String reason) {
		CameraPhotoStore library = services.library().get();
		Optional<PhotoAsset> finalised = null;
		if (library != null) {
			try {
				finalised = library.failDeferredPhoto(job.id(), reason);
			} catch (RuntimeException e) {
				log.error("library could not record the error of job {}; it is reported again at the next start: {}",
						job.id(), e.toString());
			}
		}
		if (finalised != null && finalised.isEmpty()) {
			drop(job, "it could not succeed (" + reason + "), but no FAST asset holds it any more");
			return;
		}
		boolean first = table.endInError(job, reason);
		if (first) {
			log.error("job {} of asset {} ended in error: {}", job.id(), job.assetUri(), reason);
		}
		if (finalised != null) {
			deleteSpool(job);
		}
		if (first) {
			table.announceError(job, reason);
		}
	}

	/** Not one frame of the job is intact: its FAST image becomes the photo, counted apart from other errors. */
	void endDamaged(Job job, String reason) {
		table.countDamaged();
		endInError(job, reason);
	}

	/** The job leaves the engine with its spool. */
	void drop(Job job, String why) {
		table.drop(job);
		dropSpool(job, why);
	}

	/** The spool goes before the CANCELLED event, so whoever hears it finds nothing left behind. */
	void dropSpool(Job job, String why) {
		log.info("job {} dropped: {}", job.id(), why);
		deleteSpool(job);
		table.announceDropped(job);
	}

	/** For a job cancelled while it ran, which has left the table: its spool goes on the housekeeping thread. */
	private void dropLater(Job job) {
		housekeeping.later(() -> dropSpool(job, "its asset was deleted"));
	}

	private void deleteSpool(Job job) {
		try {
			spool.delete(job.id());
			table.releaseSpool(job);
		} catch (IOException e) {
			log.error("spool of job {} could not be deleted: {}", job.id(), e.toString());
		}
	}
}
