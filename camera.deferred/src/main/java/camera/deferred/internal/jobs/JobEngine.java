package camera.deferred.internal.jobs;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.osgi.service.log.Logger;

import camera.api.DeferredJob;
import camera.api.DeferredProcessing;
import camera.api.DeferredStats;
import camera.api.JobPriority;
import camera.deferred.internal.development.JpegQualities;
import camera.deferred.internal.events.JobEventPublisher;
import camera.deferred.internal.schedule.Condition;
import camera.develop.JpegCodec;
import camera.develop.PhotoDeveloper;
import media.library.processing.CameraPhotoStore;

/**
 * The deferred engine: durable jobs, their queue and the workers that run phase 2 ({@link JobRunner}); the
 * library drives it through {@link LibrarySession}.
 * The library's rows and the spool are the truth; this class only keeps the order and the timings in memory.
 * It starts and stops the workers and opens the spool for the captures' bursts; the rest it hands to the
 * collaborators that share its {@link JobTable}. Thread-safe: the table owns the jobs, the queue and the counters,
 * and each of its methods is one whole transition; disk, pipeline and library calls happen outside it.
 */
public final class JobEngine implements DeferredEngine, DeferredProcessing {

	/** What the engine uses but does not own; each supplier returns {@code null} while the service is gone. */
	public record Services(Supplier<CameraPhotoStore> library, Supplier<PhotoDeveloper> developer,
			Supplier<JpegCodec> codec, Supplier<JpegQualities> qualities, Supplier<List<Condition>> conditions,
			JobEventPublisher events) {
	}

	private final Spool spool;
	private final PhaseTwo phaseTwo;
	private final Services services;
	private final Logger log;
	private final Clock clock;

	private final JobTable table;
	/** One thread: posts events in order and reports errors to the library without holding its caller. */
	private final Housekeeping housekeeping;
	private final JobScheduler scheduler;
	private final LibraryRequests libraryRequests;
	private final EngineManagement management;
	private final JobRunner runner;
	private final ExecutorService workers;

	JobEngine(EngineSettings settings, Spool spool, PhaseTwo phaseTwo, Services services, Logger log,
			Clock clock) {
		this.spool = spool;
		this.phaseTwo = phaseTwo;
		this.services = services;
		this.log = log;
		this.clock = clock;
		this.housekeeping = new Housekeeping(
				Executors.newSingleThreadExecutor(named("darkroom-deferred-housekeeping-")), services.events(), log);
		this.table = new JobTable(settings, housekeeping, clock);
		this.scheduler = new JobScheduler(table, services);
		JobOutcomes outcomes = new JobOutcomes(table, housekeeping, spool, services, log);
		this.libraryRequests = new LibraryRequests(table, outcomes, housekeeping, log);
		this.management = new EngineManagement(table, services, log);
		this.runner = new JobRunner(table, scheduler, outcomes, spool, phaseTwo, services, log, clock);
		this.workers = Executors.newCachedThreadPool(named("darkroom-deferred-worker-"));
	}

	/** Loads the jobs the spool holds and starts the workers. */
	public void start() {
		List<Spool.Entry> entries = new ArrayList<>();
		List<String> spooled;
		try {
			phaseTwo.discardAll();
			spooled = spool.recover();
			libraryRequests.spoolRecovered();
		} catch (IOException e) {
			log.error("spool {} could not be read; no asset is reported as missing its frames until a restart: {}",
					spool.directory(), e.toString());
			spooled = List.of();
		}
		for (String jobId : spooled) {
			try {
				Spool.Entry entry = spool.entry(jobId);
				if (entry.damage() != null) {
					log.warn("spool of job {} has a damaged side file, its frames are kept: {}", jobId, entry.damage());
				}
				entries.add(entry);
			} catch (IOException | RuntimeException e) {
				log.error("spool of job {} is unreadable and is removed; its asset will be reported: {}", jobId,
						e.toString());
				deleteUnreadable(jobId);
			}
		}
		entries.sort(Comparator.comparing(Spool.Entry::acceptedAt));
		startWorkers(table.recover(entries));
		log.info("deferred engine started with {} recovered jobs, {} workers", entries.size(),
				table.settings().workers());
	}

	private void deleteUnreadable(String jobId) {
		try {
			spool.delete(jobId);
		} catch (IOException e) {
			log.error("unreadable spool of job {} could not be removed: {}", jobId, e.toString());
		}
	}

	/** Applies new settings; the worker pool grows or shrinks as jobs finish. */
	public void update(EngineSettings newSettings) {
		startWorkers(table.update(newSettings));
	}

	/** Stops the workers: running jobs stop at their next tile and stay queued in the spool for the next start. */
	public void stop() {
		table.stop();
		workers.shutdown();
		try {
			if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
				log.warn("deferred workers did not stop within 30 s; interrupting them");
				workers.shutdownNow();
			}
			housekeeping.stop();
		} catch (InterruptedException e) {
			workers.shutdownNow();
			housekeeping.stopNow();
			Thread.currentThread().interrupt();
		} finally {
			phaseTwo.stop();
		}
	}

	/** Conditions or services changed: let waiting workers look again. */
	public void wake() {
		table.wake();
	}

	/** @param count worker threads the table has counted already */
	private void startWorkers(int count) {
		for (int i = 0; i < count; i++) {
			try {
				workers.execute(this::work);
			} catch (RejectedExecutionException e) {
				// The engine stopped meanwhile: the worker is not needed.
				table.endWorker();
			}
		}
	}

	private void work() {
		Job job;
		while ((job = scheduler.nextJob()) != null) {
			runner.run(job);
		}
	}

	private static ThreadFactory named(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return runnable -> {
			Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	// ---------------------------------------------------------------- the capture path

	@Override
	public BurstSpooling begin() {
		String jobId = UUID.randomUUID().toString();
		if (table.stopped()) {
			// The capture path develops inline instead: the photo is not lost to a stopping engine.
			throw new SpoolFullException("the deferred engine is stopping");
		}
		try {
			return new SpoolAdmission(table, clock, jobId, spool.begin(jobId), spool::usableBytes,
					table.settings().spoolFreeFloorBytes(), log);
		} catch (IOException | RuntimeException e) {
			table.countFallback();
			log.warn("spool could not take job {}; the capture is developed inline: {}", jobId, e.toString());
			throw new SpoolFullException("the spool could not be written: " + e.getMessage());
		}
	}

	@Override
	public void captureActivity(boolean busy) {
		for (Condition condition : services.conditions().get()) {
			condition.captureActivity(busy);
		}
		wake();
	}

	// ---------------------------------------------------------------- the library's requests (for LibrarySession)

	void changePriority(String jobId, JobPriority priority) {
		table.changePriority(jobId, priority);
	}

	void lowerFromHigh(String jobId) {
		table.lowerFromHigh(jobId);
	}

	void cancel(String jobId) {
		libraryRequests.cancel(jobId);
	}

	void claim(String jobId, String assetUri, boolean trashed) {
		libraryRequests.claim(jobId, assetUri, trashed);
	}

	/** The library has listed every asset holding a job; see {@link JobTable#orphanedByRestart}. */
	void libraryListedItsAssets() {
		table.libraryListedItsAssets();
	}

	int countJobsOutside(Set<String> jobIds) {
		return table.countJobsOutside(jobIds);
	}

	// ---------------------------------------------------------------- the management API

	@Override
	public List<DeferredJob> jobs() {
		return management.jobs();
	}

	@Override
	public DeferredStats stats() {
		return management.stats();
	}

	@Override
	public void pause() {
		management.setPaused(true);
	}

	@Override
	public void resume() {
		management.setPaused(false);
	}

	@Override
	public boolean drain(Duration timeout) {
		return management.drain(timeout);
	}
}
