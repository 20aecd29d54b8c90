package camera.deferred.internal.jobs;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.osgi.service.log.Logger;

import camera.api.DeferredJob;
import camera.api.DeferredProcessing;
import camera.api.DeferredStats;
import camera.api.JobPriority;
import camera.deferred.internal.events.JobEventPublisher;
import camera.deferred.internal.schedule.Condition;
import camera.develop.JpegCodec;
import camera.develop.PhotoDeveloper;
import media.library.processing.CameraPhotoStore;

/**
 * The deferred engine: durable jobs, their queue and the workers that run phase 2 ({@link JobRunner}); the
 * library drives it through {@link LibrarySession}.
 * The library's rows and the spool are the truth; this class only keeps the order and the timings in memory.
 * It starts and stops the workers and takes the captures' bursts; the rest it hands to the collaborators that
 * share its {@link JobTable}. Thread-safe: the table's lock guards the jobs and the queue; disk, pipeline and
 * library calls happen outside it.
 */
public final class JobEngine implements DeferredEngine, DeferredProcessing {

	/** What the engine uses but does not own; each supplier returns {@code null} while the service is gone. */
	public record Services(Supplier<CameraPhotoStore> library, Supplier<PhotoDeveloper> developer,
			Supplier<JpegCodec> codec, Supplier<List<Condition>> conditions, JobEventPublisher events) {
	}

	private final Spool spool;
	private final PhaseTwo phaseTwo;
	private final Services services;
	private final Logger log;
	private final Clock clock;

	private final JobTable table;
	private final SpoolBudget budget;
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
		this.table = new JobTable(settings);
		this.budget = new SpoolBudget(table);
		this.housekeeping = new Housekeeping(
				Executors.newSingleThreadExecutor(named("darkroom-deferred-housekeeping-")), services.events(), log);
		this.scheduler = new JobScheduler(table, housekeeping, services, clock);
		JobOutcomes outcomes = new JobOutcomes(table, budget, housekeeping, spool, services, log, clock);
		this.libraryRequests = new LibraryRequests(table, scheduler, outcomes, housekeeping, log, clock);
		this.management = new EngineManagement(table, budget, services, log);
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
				entries.add(spool.entry(jobId));
			} catch (IOException | RuntimeException e) {
				log.error("spool of job {} is unreadable and is removed; its asset will be reported: {}", jobId,
						e.toString());
				deleteUnreadable(jobId);
			}
		}
		entries.sort(Comparator.comparing(Spool.Entry::acceptedAt));
		table.lock();
		try {
			for (Spool.Entry entry : entries) {
				table.registerQueued(new Job(entry.jobId(), entry.capturedAt(), entry.acceptedAt(),
						entry.interruptedAttempts(), entry.bytes()));
				budget.recovered(entry.bytes());
			}
			resizeWorkers();
		} finally {
			table.unlock();
		}
		log.info("deferred engine started with {} recovered jobs, {} workers", entries.size(),
				table.currentSettings().workers());
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
		table.lock();
		try {
			table.settings(newSettings);
			resizeWorkers();
			table.signalAll();
		} finally {
			table.unlock();
		}
	}

	/** Stops the workers: running jobs stop at their next tile and stay queued in the spool for the next start. */
	public void stop() {
		table.lock();
		try {
			table.stop();
			table.signalAll();
		} finally {
			table.unlock();
		}
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
		table.lock();
		try {
			table.signalAll();
		} finally {
			table.unlock();
		}
	}

	/** Called with the lock held. */
	private void resizeWorkers() {
		while (table.workerThreads() < table.settings().workers() && !table.stopped()) {
			table.workerStarted();
			workers.execute(this::work);
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
		table.lock();
		try {
			if (table.stopped()) {
				// The capture path develops inline instead: the photo is not lost to a stopping engine.
				throw new SpoolFullException("the deferred engine is stopping");
			}
		} finally {
			table.unlock();
		}
		try {
			return new SpoolAdmission(this, budget, jobId, spool.begin(jobId), log);
		} catch (IOException | RuntimeException e) {
			budget.countFallback();
			log.warn("spool could not take job {}; the capture is developed inline: {}", jobId, e.toString());
			throw new SpoolFullException("the spool could not be written: " + e.getMessage());
		}
	}

	/** Queues the job of a burst that is now durable in the spool. */
	void admit(String jobId, Instant capturedAt, Instant acceptedAt, long bytes) {
		table.lock();
		try {
			Job job = new Job(jobId, capturedAt, acceptedAt, 0, bytes);
			table.registerQueued(job);
			housekeeping.publish(job, Map.of());
			table.signalAll();
		} finally {
			table.unlock();
		}
	}

	Instant now() {
		return clock.instant();
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
		scheduler.changePriority(jobId, priority);
	}

	void cancel(String jobId) {
		libraryRequests.cancel(jobId);
	}

	void claim(String jobId, String assetUri, boolean trashed) {
		libraryRequests.claim(jobId, assetUri, trashed);
	}

	int countJobsOutside(Set<String> jobIds) {
		return libraryRequests.countJobsOutside(jobIds);
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
