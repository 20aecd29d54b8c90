package camera.deferred.internal.jobs;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.osgi.service.log.Logger;

import camera.deferred.internal.schedule.Conditions;
import camera.develop.JpegCodec;
import camera.develop.PhotoDeveloper;
import media.library.MediaLibraryErrorCode;
import media.library.MediaLibraryException;
import media.library.PhotoAsset;
import media.library.processing.CameraPhotoStore;

/**
 * One attempt of phase 2 on a worker thread: checks that the job's asset exists, reads the spool, develops and
 * encodes, lets the library replace the FAST image, and tells {@link JobOutcomes} how it ended. Holds no state of
 * its own.
 */
final class JobRunner {
	private final JobTable table;
	private final JobScheduler scheduler;
	private final JobOutcomes outcomes;
	private final Spool spool;
	private final PhaseTwo phaseTwo;
	private final JobEngine.Services services;
	private final Logger log;
	private final Clock clock;

	JobRunner(JobTable table, JobScheduler scheduler, JobOutcomes outcomes, Spool spool, PhaseTwo phaseTwo,
			JobEngine.Services services, Logger log, Clock clock) {
		this.table = table;
		this.scheduler = scheduler;
		this.outcomes = outcomes;
		this.spool = spool;
		this.phaseTwo = phaseTwo;
		this.services = services;
		this.log = log;
		this.clock = clock;
	}

	/**
	 * Runs one attempt of a job the scheduler marked RUNNING, and hands its outcome to {@link JobOutcomes}. Never
	 * throws: an unexpected failure is logged and the job runs again after the retry delay, so that its worker
	 * thread lives on and the engine's count of workers stays true.
	 */
	void run(Job job) {
		try {
			attempt(job);
		} catch (RuntimeException e) {
			log.error("job {}: unexpected failure, running it again later", job.id(), e);
			outcomes.requeue(job, clock.instant().plus(table.settings().retryDelay()));
		}
	}

	private void attempt(Job job) {
		CameraPhotoStore library = services.library().get();
		PhotoDeveloper developer = services.developer().get();
		JpegCodec codec = services.codec().get();
		if (library == null || developer == null || codec == null) {
			outcomes.requeue(job, clock.instant().plus(table.settings().recheckInterval()));
			return;
		}
		Optional<PhotoAsset> asset;
		try {
			asset = library.findByJob(job.id());
		} catch (RuntimeException e) {
			log.warn("library could not look up job {}; trying again later: {}", job.id(), e.toString());
			outcomes.requeue(job, clock.instant().plus(table.settings().retryDelay()));
			return;
		}
		if (asset.isEmpty()) {
			awaitAsset(job);
			return;
		}
		EngineSettings current = table.settings();
		if (job.interrupted() >= current.maxInterruptedAttempts()) {
			outcomes.endInError(job, JobError.ABANDONED_ATTEMPTS.reason("the process died during " + job.interrupted()
					+ " attempts of job " + job.id()));
			return;
		}
		Instant started = clock.instant();
		long queuedMs = Duration.between(job.queuedAt(), started).toMillis();
		outcomes.startAttempt(job, asset.get().uri(), queuedMs);
		Runnable outcome = attempt(job, library, developer, codec, current, started, queuedMs);
		// The attempt ended in this process: it no longer counts as one the process died during. Recorded before
		// the outcome re-queues the job, so another worker cannot start it first.
		recordInterruptedAttempts(job, job.interrupted());
		outcome.run();
	}

	/** @return how the attempt ended, for {@link JobOutcomes} */
	private Runnable attempt(Job job, CameraPhotoStore library, PhotoDeveloper developer, JpegCodec codec,
			EngineSettings current, Instant started, long queuedMs) {
		Instant deadline = started.plus(current.jobTimeout());
		BooleanSupplier cancelled = () -> job.cancelled() || table.stopped() || clock.instant().isAfter(deadline)
				|| Conditions.mustYield(job.priority(), services.conditions().get())
				|| scheduler.mustMakeWayForHigh(job);
		try {
			countThisAttempt(job);
			BurstMetadata.Stored stored = spool.read(job.id());
			PhaseTwo.Developed developed = phaseTwo.develop(job.id(), stored.burst(),
					services.qualities().get().full(stored.burst().setting().quality()), developer, codec, cancelled);
			Optional<PhotoAsset> replaced;
			try {
				replaced = library.completeDeferredPhoto(job.id(), developed.file(), developed.width(),
						developed.height());
			} finally {
				phaseTwo.discard(job.id());
			}
			long phase2Ms = Duration.between(started, clock.instant()).toMillis();
			if (replaced.isPresent()) {
				return () -> outcomes.complete(job, queuedMs, phase2Ms);
			}
			return () -> outcomes.drop(job, "its asset was deleted during development");
		} catch (CancellationException e) {
			discardOutput(job);
			return () -> stoppedAtTile(job, deadline);
		} catch (WriteFailed e) {
			discardOutput(job);
			return () -> outcomes.storageFull(job, JobError.STORAGE_FULL.reason(e.getMessage()));
		} catch (NoSuchFileException e) {
			discardOutput(job);
			return () -> outcomes.endInError(job,
					JobError.SPOOL_MISSING.reason("spool file " + e.getFile() + " is gone"));
		} catch (IOException e) {
			discardOutput(job);
			return () -> outcomes.attemptFailed(job, JobError.SPOOL_UNREADABLE.reason(e.toString()));
		} catch (MediaLibraryException e) {
			discardOutput(job);
			if (e.errorCode() == MediaLibraryErrorCode.STORAGE_FULL) {
				return () -> outcomes.storageFull(job, JobError.STORAGE_FULL.reason(e.getMessage()));
			}
			return () -> outcomes.attemptFailed(job,
					JobError.REPLACEMENT_FAILED.reason(e.errorCode() + " " + e.getMessage()));
		} catch (RuntimeException | OutOfMemoryError e) {
			// A burst too large for the heap fails its attempt like any other error instead of killing the worker.
			discardOutput(job);
			log.error("development of job {} failed", job.id(), e);
			return () -> outcomes.attemptFailed(job, JobError.DEVELOPMENT_FAILED.reason(e.toString()));
		}
	}

	/** The attempt counts as one the process died during until it ends; a disk that cannot take that fails it. */
	private void countThisAttempt(Job job) throws IOException {
		try {
			spool.recordInterruptedAttempts(job.id(), job.interrupted() + 1);
		} catch (NoSuchFileException e) {
			throw e;
		} catch (IOException e) {
			throw new WriteFailed("the attempt count of job " + job.id() + " could not be written", e);
		}
	}

	private void recordInterruptedAttempts(Job job, int count) {
		if (!spool.contains(job.id())) {
			return;
		}
		try {
			spool.recordInterruptedAttempts(job.id(), count);
		} catch (IOException e) {
			log.warn("interrupted attempts of job {} could not be recorded: {}", job.id(), e.toString());
		}
	}

	/**
	 * The asset is not there (yet): a just-accepted job waits for it; one older than the grace period, or one from
	 * before a restart that the library did not list, is an orphan.
	 */
	private void awaitAsset(Job job) {
		Instant now = clock.instant();
		if (job.cancelled() || table.orphanedByRestart(job)
				|| !job.acceptedAt().plus(table.settings().orphanGrace()).isAfter(now)) {
			outcomes.drop(job, job.cancelled() ? "its asset was deleted"
					: table.orphanedByRestart(job) ? "no asset holds it after the restart (FULL already, deleted, or "
							+ "never delivered)" : "no asset claimed it within the grace period");
			return;
		}
		outcomes.awaitAsset(job, now);
	}

	/** A running job stopped at a tile boundary: cancelled, timed out, shut down, or yielding to a capture. */
	private void stoppedAtTile(Job job, Instant deadline) {
		if (job.cancelled()) {
			outcomes.drop(job, "its asset was deleted during development");
		} else if (clock.instant().isAfter(deadline)) {
			outcomes.attemptFailed(job, JobError.TIMED_OUT.reason("development took longer than "
					+ table.settings().jobTimeout().toSeconds() + " s"));
		} else {
			// Yielding (or shutting down) is not a failed attempt.
			outcomes.yielded(job);
		}
	}

	private void discardOutput(Job job) {
		try {
			phaseTwo.discard(job.id());
		} catch (IOException e) {
			log.warn("developed file of job {} could not be removed: {}", job.id(), e.toString());
		}
	}
}
