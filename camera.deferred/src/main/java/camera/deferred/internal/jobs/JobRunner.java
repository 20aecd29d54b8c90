package camera.deferred.internal.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.osgi.service.log.Logger;

import camera.deferred.internal.development.DevelopmentLane;
import camera.deferred.internal.development.LaneUnavailableException;
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
	private final DevelopmentLanes lanes;
	private final Logger log;
	private final Clock clock;

	JobRunner(JobTable table, JobScheduler scheduler, JobOutcomes outcomes, Spool spool, PhaseTwo phaseTwo,
			JobEngine.Services services, DevelopmentLanes lanes, Logger log, Clock clock) {
		this.table = table;
		this.scheduler = scheduler;
		this.outcomes = outcomes;
		this.spool = spool;
		this.phaseTwo = phaseTwo;
		this.services = services;
		this.lanes = lanes;
		this.log = log;
		this.clock = clock;
	}

	/**
	 * Runs one attempt of a job the scheduler marked RUNNING on the worker's lane, and hands its outcome to
	 * {@link JobOutcomes}. Never throws: an unexpected failure is logged and the job runs again after the retry
	 * delay, so that its worker thread lives on and the engine's count of workers stays true.
	 */
	void run(Job job, DevelopmentLane lane) {
		try {
			runAttempt(job, lane);
		} catch (RuntimeException e) {
			log.error("job {}: unexpected failure, running it again later", job.id(), e);
			outcomes.requeue(job, clock.instant().plus(table.settings().retryDelay()));
		}
	}

	private void runAttempt(Job job, DevelopmentLane lane) {
		CameraPhotoStore library = services.library().get();
		boolean pipeline = !lane.local() || (services.developer().get() != null && services.codec().get() != null);
		if (library == null || !pipeline) {
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
		lanes.started(lane);
		boolean[] completed = { false };
		Runnable outcome;
		try {
			outcome = attempt(job, library, lane, current, started, queuedMs, completed);
		} finally {
			lanes.finished(lane, Duration.between(started, clock.instant()).toMillis(), completed[0]);
		}
		// The attempt ended in this process: it no longer counts as one the process died during. Recorded before
		// the outcome re-queues the job, so another worker cannot start it first.
		recordInterruptedAttempts(job, job.interrupted());
		outcome.run();
	}

	/** @return how the attempt ended, for {@link JobOutcomes} */
	private Runnable attempt(Job job, CameraPhotoStore library, DevelopmentLane lane, EngineSettings current,
			Instant started, long queuedMs, boolean[] completed) {
		Instant deadline = started.plus(current.jobTimeout());
		JpegCodec codecAtStart = services.codec().get();
		PhotoDeveloper developerAtStart = services.developer().get();
		// A node's job leaves this machine alone: it does not yield to a capture here.
		BooleanSupplier cancelled = () -> job.cancelled() || table.stopped() || clock.instant().isAfter(deadline)
				|| (lane.local() && Conditions.mustYield(job.priority(), services.conditions().get()))
				|| scheduler.mustMakeWayForHigh(job);
		try {
			countThisAttempt(job);
			BurstMetadata.Stored stored = spool.read(job.id());
			if (!stored.damage().isEmpty()) {
				log.warn("job {} is developed from its {} intact frames; left out: {}", job.id(),
						stored.burst().frames().size(), String.join("; ", stored.damage()));
			}
			keepRaw(job, stored.burst(), library);
			PhaseTwo.Developed developed = phaseTwo.develop(job.id(), stored.burst(),
					services.qualities().get().full(stored.burst().setting().quality()), lane, cancelled);
			Optional<PhotoAsset> replaced;
			try {
				replaced = library.completeDeferredPhoto(job.id(), developed.file(), developed.width(),
						developed.height());
			} finally {
				phaseTwo.discard(job.id());
			}
			long phase2Ms = Duration.between(started, clock.instant()).toMillis();
			if (replaced.isPresent()) {
				completed[0] = true;
				return () -> outcomes.complete(job, queuedMs, phase2Ms);
			}
			return () -> outcomes.drop(job, "its asset was deleted during development");
		} catch (CancellationException e) {
			discardOutput(job);
			return () -> stoppedAtTile(job, deadline);
		} catch (LaneUnavailableException e) {
			// The frames are still in the spool: the job goes back to the queue for whichever lane is free.
			discardOutput(job);
			log.warn("job {} goes back to the queue: lane {} could not develop it: {}", job.id(), lane.name(),
					e.getMessage());
			return () -> outcomes.yielded(job);
		} catch (WriteFailed e) {
			discardOutput(job);
			return () -> outcomes.storageFull(job, JobError.STORAGE_FULL.reason(e.getMessage()));
		} catch (NoSuchFileException e) {
			discardOutput(job);
			return () -> outcomes.endInError(job,
					JobError.SPOOL_MISSING.reason("spool file " + e.getFile() + " is gone"));
		} catch (SpoolDamagedException e) {
			discardOutput(job);
			return () -> outcomes.endDamaged(job, JobError.SPOOL_DAMAGED.reason(e.getMessage()));
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
			discardOutput(job);
			boolean servicesWent = lane.local()
					&& (services.codec().get() != codecAtStart || services.developer().get() != developerAtStart);
			if (table.stopped() || servicesWent) {
				// The platform stops under the job, or its encoder or developer went: not the job's failure.
				log.info("job {} stopped with its development services; it runs again when they are back: {}", job.id(),
						e.toString());
				return () -> outcomes.yielded(job);
			}
			// A burst too large for the heap fails its attempt like any other error instead of killing the worker.
			log.error("development of job {} failed", job.id(), e);
			return () -> outcomes.attemptFailed(job, JobError.DEVELOPMENT_FAILED.reason(e.toString()));
		}
	}

	/**
	 * The raw file goes to the library before development, so a development that fails still leaves it kept. Without
	 * a DNG writer (development on another machine, camera.develop not running here) the photo is not held back for
	 * it: it is developed without its raw file, and the log says so.
	 */
	private void keepRaw(Job job, CapturedBurst burst, CameraPhotoStore library) throws IOException {
		if (phaseTwo.lacksDngCodec(burst)) {
			log.warn("job {} asked for a raw file, but no DNG writer (camera.develop) runs here: its photo is "
					+ "developed without one", job.id());
			return;
		}
		Optional<Path> raw = phaseTwo.writeRaw(job.id(), burst);
		if (raw.isEmpty()) {
			return;
		}
		try {
			library.addRawImage(job.id(), raw.get());
		} finally {
			Files.deleteIfExists(raw.get());
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
