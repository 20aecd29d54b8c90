package camera.deferred.internal.jobs;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import camera.api.DeferredJob;
import camera.api.DeferredProcessing;
import camera.api.DeferredStats;
import camera.api.JobPriority;
import camera.api.JobState;
import camera.deferred.internal.codec.JpegCodec;
import camera.deferred.internal.events.DeferredJobEvents;
import camera.deferred.internal.events.JobEventPublisher;
import camera.deferred.internal.pipeline.PhotoDeveloper;
import camera.deferred.internal.schedule.Condition;
import camera.deferred.internal.schedule.Conditions;
import camera.deferred.internal.stats.Latencies;
import media.library.processing.CameraPhotoStore;

import org.osgi.service.log.Logger;

/**
 * The deferred engine: durable jobs, their queue and the workers that run phase 2 ({@link JobRunner}); the
 * library drives it through {@link LibrarySession}.
 * The library's rows and the spool are the truth; this class only keeps the order and the timings in memory.
 * Thread-safe: one lock guards the jobs and the queue; disk, pipeline and library calls happen outside it.
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

	private final ReentrantLock lock = new ReentrantLock();
	/** Signalled whenever work may have become runnable or a job changed state. */
	private final java.util.concurrent.locks.Condition changed = lock.newCondition();
	private final Map<String, Job> jobs = new LinkedHashMap<>();
	private final JobQueue queue = new JobQueue();
	private final Latencies phase2Times = new Latencies(1024);
	private final Latencies queueTimes = new Latencies(1024);
	private EngineSettings settings;
	private int running;
	private int workerThreads;
	private int draining;
	private boolean paused;
	/** Only a spool that was read whole tells which assets lost their frames. */
	private volatile boolean spoolRecovered;
	/** Volatile as well: running jobs poll it between tiles without the lock. */
	private volatile boolean stopped;
	private long spoolBytes;
	private long completed;
	private long failed;
	private long fallbacks;

	private final JobRunner runner;
	private final ExecutorService workers;
	/** One thread: posts events in order and reports errors to the library without holding its caller. */
	private final ExecutorService housekeeping;

	JobEngine(EngineSettings settings, Spool spool, PhaseTwo phaseTwo, Services services, Logger log,
			Clock clock) {
		this.settings = settings;
		this.spool = spool;
		this.phaseTwo = phaseTwo;
		this.services = services;
		this.log = log;
		this.clock = clock;
		this.runner = new JobRunner(this, spool, phaseTwo, services, log, clock);
		this.workers = Executors.newCachedThreadPool(named("darkroom-deferred-worker-"));
		this.housekeeping = Executors.newSingleThreadExecutor(named("darkroom-deferred-housekeeping-"));
	}

	/** Loads the jobs the spool holds and starts the workers. */
	public void start() {
		List<Spool.Entry> entries = new ArrayList<>();
		List<String> spooled;
		try {
			phaseTwo.discardAll();
			spooled = spool.recover();
			spoolRecovered = true;
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
		lock.lock();
		try {
			for (Spool.Entry entry : entries) {
				Job job = new Job(entry.jobId(), entry.capturedAt(), entry.acceptedAt(), entry.interruptedAttempts(),
						entry.bytes());
				job.priority(JobPriority.NORMAL, queue.nextSequence());
				jobs.put(job.id(), job);
				queue.add(job);
				spoolBytes += entry.bytes();
			}
			resizeWorkers();
		} finally {
			lock.unlock();
		}
		log.info("deferred engine started with {} recovered jobs, {} workers", entries.size(), settings.workers());
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
		lock.lock();
		try {
			settings = newSettings;
			resizeWorkers();
			changed.signalAll();
		} finally {
			lock.unlock();
		}
	}

	/** Stops the workers: running jobs stop at their next tile and stay queued in the spool for the next start. */
	public void stop() {
		lock.lock();
		try {
			stopped = true;
			changed.signalAll();
		} finally {
			lock.unlock();
		}
		workers.shutdown();
		try {
			if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
				log.warn("deferred workers did not stop within 30 s; interrupting them");
				workers.shutdownNow();
			}
			housekeeping.shutdown();
			housekeeping.awaitTermination(5, TimeUnit.SECONDS);
		} catch (InterruptedException e) {
			workers.shutdownNow();
			housekeeping.shutdownNow();
			Thread.currentThread().interrupt();
		}
	}

	/** Conditions or services changed: let waiting workers look again. */
	public void wake() {
		lock.lock();
		try {
			changed.signalAll();
		} finally {
			lock.unlock();
		}
	}

	// ---------------------------------------------------------------- the capture path

	@Override
	public BurstSpooling begin() {
		String jobId = UUID.randomUUID().toString();
		lock.lock();
		try {
			if (stopped) {
				// The capture path develops inline instead: the photo is not lost to a stopping engine.
				throw new SpoolFullException("the deferred engine is stopping");
			}
		} finally {
			lock.unlock();
		}
		try {
			return new SpoolAdmission(this, jobId, spool.begin(jobId), log);
		} catch (IOException | RuntimeException e) {
			countFallback();
			log.warn("spool could not take job {}; the capture is developed inline: {}", jobId, e.toString());
			throw new SpoolFullException("the spool could not be written: " + e.getMessage());
		}
	}

	/** @return whether the spool budget has room for the bytes, which are then counted as used */
	boolean reserveSpool(long bytes) {
		lock.lock();
		try {
			if (spoolBytes + bytes > settings.spoolBudgetBytes()) {
				return false;
			}
			spoolBytes += bytes;
			return true;
		} finally {
			lock.unlock();
		}
	}

	/** @return how the spool budget stands, for a refusal's message */
	String spoolUse() {
		lock.lock();
		try {
			return spoolBytes + " of " + settings.spoolBudgetBytes() + " bytes";
		} finally {
			lock.unlock();
		}
	}

	/** Gives back spool room of a burst that did not become a job. */
	void releaseSpool(long bytes) {
		lock.lock();
		try {
			spoolBytes -= bytes;
		} finally {
			lock.unlock();
		}
	}

	/** A capture went to the inline development instead of the spool. */
	void countFallback() {
		lock.lock();
		try {
			fallbacks++;
		} finally {
			lock.unlock();
		}
	}

	/** Queues the job of a burst that is now durable in the spool. */
	void admit(String jobId, Instant capturedAt, Instant acceptedAt, long bytes) {
		lock.lock();
		try {
			Job job = new Job(jobId, capturedAt, acceptedAt, 0, bytes);
			job.priority(JobPriority.NORMAL, queue.nextSequence());
			jobs.put(jobId, job);
			queue.add(job);
			publish(job, Map.of());
			changed.signalAll();
		} finally {
			lock.unlock();
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

	/** The asset was deleted for good: a queued job goes with its spool; a running one stops at its next tile. */
	void cancel(String jobId) {
		Job dropped;
		lock.lock();
		try {
			Job job = jobs.get(jobId);
			if (job == null) {
				return;
			}
			job.cancel();
			if (job.state() == JobState.RUNNING) {
				// The worker notices at the next tile and drops the spool itself.
				return;
			}
			dropped = job;
			forget(job);
		} finally {
			lock.unlock();
		}
		dropSpool(dropped, "its asset was deleted");
	}

	/**
	 * The library holds an asset whose job is this one. A job the engine does not know lost its frames (every
	 * spooled job was loaded at start-up) and ends in ERROR; an ERROR job the library still lists is reported
	 * again, as the library was away the first time.
	 */
	void claim(String jobId, String assetUri, boolean trashed) {
		Job lost = null;
		lock.lock();
		try {
			Job job = jobs.get(jobId);
			if (job == null && !spoolRecovered) {
				log.warn("job {} of asset {} is not known; the spool could not be read at start-up", jobId, assetUri);
				return;
			}
			if (job == null) {
				Instant now = clock.instant();
				lost = new Job(jobId, now, now, 0, 0);
				lost.priority(JobPriority.NORMAL, queue.nextSequence());
				lost.assetUri(assetUri);
				jobs.put(jobId, lost);
			} else {
				job.assetUri(assetUri);
				if (trashed && job.priority() != JobPriority.LOW) {
					reprioritise(job, JobPriority.LOW);
				}
				if (job.state() == JobState.ERROR) {
					lost = job;
				}
			}
		} finally {
			lock.unlock();
		}
		if (lost != null) {
			Job job = lost;
			String reason = job.error() != null ? job.error()
					: JobError.SPOOL_MISSING.reason("no raw frames are spooled for job " + jobId);
			later(() -> endInError(job, reason));
		}
	}

	/** @return how many jobs are not among these */
	int countJobsOutside(Set<String> jobIds) {
		lock.lock();
		try {
			return (int) jobs.keySet().stream().filter(id -> !jobIds.contains(id)).count();
		} finally {
			lock.unlock();
		}
	}

	// ---------------------------------------------------------------- the management API

	@Override
	public List<DeferredJob> jobs() {
		List<Job> unknownAssets = new ArrayList<>();
		lock.lock();
		try {
			jobs.values().stream().filter(job -> job.assetUri() == null).forEach(unknownAssets::add);
		} finally {
			lock.unlock();
		}
		learnAssetUris(unknownAssets);
		lock.lock();
		try {
			return jobs.values()
				.stream()
				.sorted(Comparator.comparing((Job job) -> job.priority()).thenComparing(this::queueRank))
				.map(Job::snapshot)
				.toList();
		} finally {
			lock.unlock();
		}
	}

	/** A job hears of its asset's URI only when it runs or the library synchronizes: ask for the others. */
	private void learnAssetUris(List<Job> unknownAssets) {
		CameraPhotoStore library = services.library().get();
		if (library == null) {
			return;
		}
		for (Job job : unknownAssets) {
			try {
				library.findByJob(job.id()).ifPresent(asset -> {
					lock.lock();
					try {
						job.assetUri(asset.uri());
					} finally {
						lock.unlock();
					}
				});
			} catch (RuntimeException e) {
				log.debug("asset of job {} could not be looked up: {}", job.id(), e.toString());
			}
		}
	}

	private int queueRank(Job job) {
		return switch (job.state()) {
			case RUNNING -> 0;
			case PENDING, FAILED -> 1;
			default -> 2;
		};
	}

	@Override
	public DeferredStats stats() {
		Map<String, Boolean> conditions = new LinkedHashMap<>(Conditions.evaluate(services.conditions().get()).states());
		JpegCodec codec = services.codec().get();
		conditions.put("pipeline", codec != null && services.developer().get() != null);
		lock.lock();
		try {
			Map<JobPriority, Integer> queued = new EnumMap<>(JobPriority.class);
			for (JobPriority priority : JobPriority.values()) {
				queued.put(priority, 0);
			}
			for (Job job : queue.inOrder()) {
				queued.merge(job.priority(), 1, Integer::sum);
			}
			return new DeferredStats(queued, running, completed, failed, phase2Times.percentile(0.5),
					phase2Times.percentile(0.99), queueTimes.percentile(0.5), queueTimes.percentile(0.99),
					codec == null ? "none" : codec.name(), paused, conditions, spoolBytes, fallbacks);
		} finally {
			lock.unlock();
		}
	}

	@Override
	public void pause() {
		setPaused(true);
	}

	@Override
	public void resume() {
		setPaused(false);
	}

	private void setPaused(boolean value) {
		lock.lock();
		try {
			paused = value;
			changed.signalAll();
		} finally {
			lock.unlock();
		}
		log.info(value ? "deferred processing paused" : "deferred processing resumed");
	}

	/**
	 * Jobs whose asset does not exist (yet) do not hold a drain back: their photo was never delivered, and they
	 * may wait for the orphan grace period.
	 */
	@Override
	public boolean drain(Duration timeout) {
		long remaining = timeout.toNanos();
		lock.lock();
		try {
			draining++;
			changed.signalAll();
			while (running > 0 || queue.inOrder().stream().anyMatch(job -> !job.awaitingAsset())) {
				if (remaining <= 0 || stopped) {
					return false;
				}
				remaining = changed.awaitNanos(remaining);
			}
			return true;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		} finally {
			draining--;
			lock.unlock();
		}
	}

	// ---------------------------------------------------------------- scheduling

	void changePriority(String jobId, JobPriority priority) {
		lock.lock();
		try {
			Job job = jobs.get(jobId);
			if (job != null && job.state() != JobState.ERROR && job.priority() != priority) {
				reprioritise(job, priority);
				changed.signalAll();
			}
		} finally {
			lock.unlock();
		}
	}

	private void reprioritise(Job job, JobPriority priority) {
		queue.changePriority(job, priority);
		if (queue.contains(job)) {
			publish(job, Map.of());
		}
	}

	/** Called with the lock held. */
	private void resizeWorkers() {
		while (workerThreads < settings.workers() && !stopped) {
			workerThreads++;
			workers.execute(this::work);
		}
	}

	private void work() {
		Job job;
		while ((job = nextJob()) != null) {
			runner.run(job);
		}
	}

	/** @return the next job to run, marked RUNNING; null when this worker should end */
	private Job nextJob() {
		lock.lock();
		try {
			while (true) {
				if (stopped || workerThreads > settings.workers()) {
					workerThreads--;
					return null;
				}
				Instant now = clock.instant();
				Instant wakeAt = pickable(now);
				if (wakeAt == null) {
					Job job = pick(now);
					if (job != null) {
						queue.remove(job);
						job.state(JobState.RUNNING);
						running++;
						return job;
					}
					wakeAt = queue.size() > 0 ? now.plus(settings.recheckInterval()) : Instant.MAX;
				}
				if (wakeAt.equals(Instant.MAX)) {
					changed.await();
				} else {
					changed.awaitNanos(Math.max(1, Duration.between(now, wakeAt).toNanos()));
				}
			}
		} catch (InterruptedException e) {
			workerThreads--;
			Thread.currentThread().interrupt();
			return null;
		} finally {
			lock.unlock();
		}
	}

	/** @return null when some queued job may start now, else when the earliest retry or asset check is due */
	private Instant pickable(Instant now) {
		if (queue.size() == 0) {
			return Instant.MAX;
		}
		Instant earliest = Instant.MAX;
		for (Job job : queue.inOrder()) {
			if (!job.notBefore().isAfter(now)) {
				return null;
			}
			if (job.notBefore().isBefore(earliest)) {
				earliest = job.notBefore();
			}
		}
		return earliest.isAfter(now.plus(settings.recheckInterval())) ? now.plus(settings.recheckInterval())
				: earliest;
	}

	private Job pick(Instant now) {
		if (services.developer().get() == null || services.codec().get() == null) {
			return null;
		}
		Conditions conditions = Conditions.evaluate(services.conditions().get());
		for (Job job : queue.inOrder()) {
			if (job.notBefore().isAfter(now)) {
				continue;
			}
			boolean high = job.priority() == JobPriority.HIGH;
			boolean overdue = job.priority() == JobPriority.NORMAL
					&& !job.acceptedAt().plus(settings.overdueAge()).isAfter(now);
			if ((paused && !high && draining == 0)
					|| !conditions.allow(job.priority(), overdue || draining > 0)) {
				continue;
			}
			return job;
		}
		return null;
	}

	// ---------------------------------------------------------------- outcomes of an attempt (for JobRunner)

	/** Marks the start of an attempt: the asset is known, the attempt counted, RUNNING posted. */
	void startAttempt(Job job, String assetUri, long queuedMs) {
		lock.lock();
		try {
			job.assetFound();
			job.assetUri(assetUri);
			job.attempts(job.attempts() + 1);
			publish(job, Map.of(DeferredJobEvents.QUEUED_MS, queuedMs));
		} finally {
			lock.unlock();
		}
	}

	/** @return how many times in a row the job found no asset before this look */
	int nextAssetCheck(Job job) {
		lock.lock();
		try {
			return job.nextAssetCheck();
		} finally {
			lock.unlock();
		}
	}

	boolean stopped() {
		return stopped;
	}

	EngineSettings currentSettings() {
		lock.lock();
		try {
			return settings;
		} finally {
			lock.unlock();
		}
	}

	/**
	 * A HIGH request is the photo a user waits for: when every worker is busy, a running NORMAL or LOW job gives
	 * its worker up at the next tile and runs again later.
	 */
	boolean mustMakeWayForHigh(Job job) {
		if (job.priority() == JobPriority.HIGH) {
			return false;
		}
		lock.lock();
		try {
			Job first = queue.first();
			return first != null && first.priority() == JobPriority.HIGH && running >= workerThreads
					&& !first.notBefore().isAfter(clock.instant());
		} finally {
			lock.unlock();
		}
	}

	void uncountAttempt(Job job) {
		lock.lock();
		try {
			job.attempts(job.attempts() - 1);
		} finally {
			lock.unlock();
		}
	}

	void requeue(Job job, Instant notBefore, boolean announce) {
		lock.lock();
		try {
			running--;
			if (job.cancelled()) {
				forgetLater(job);
				return;
			}
			job.state(JobState.PENDING);
			job.notBefore(notBefore);
			if (announce) {
				job.queuedAt(clock.instant());
				publish(job, Map.of());
			}
			queue.add(job);
			changed.signalAll();
		} finally {
			lock.unlock();
		}
	}

	void attemptFailed(Job job, String reason) {
		EngineSettings current = currentSettings();
		if (job.attempts() >= current.maxAttempts()) {
			finishAttempt(job);
			endInError(job, reason);
			return;
		}
		log.warn("attempt {} of job {} failed; it will be retried: {}", job.attempts(), job.id(), reason);
		lock.lock();
		try {
			running--;
			job.state(JobState.FAILED);
			job.error(reason);
			job.notBefore(clock.instant().plus(current.retryDelay()));
			publish(job, Map.of(DeferredJobEvents.ERROR, reason));
			if (job.cancelled()) {
				forgetLater(job);
				return;
			}
			queue.add(job);
			changed.signalAll();
		} finally {
			lock.unlock();
		}
	}

	/** The spool goes before the event, so whoever hears COMPLETED finds nothing left behind. */
	void complete(Job job, long queuedMs, long phase2Ms) {
		lock.lock();
		try {
			completed++;
			phase2Times.record(phase2Ms);
			queueTimes.record(queuedMs);
			job.state(JobState.COMPLETED);
			job.error(null);
			jobs.remove(job.id());
		} finally {
			lock.unlock();
		}
		deleteSpool(job);
		lock.lock();
		try {
			running--;
			publish(job, Map.of(DeferredJobEvents.QUEUED_MS, queuedMs, DeferredJobEvents.PHASE2_MS, phase2Ms));
			changed.signalAll();
		} finally {
			lock.unlock();
		}
	}

	/** Leaves RUNNING without going back to the queue. */
	void finishAttempt(Job job) {
		lock.lock();
		try {
			if (job.state() == JobState.RUNNING) {
				running--;
				job.state(JobState.PENDING);
			}
		} finally {
			lock.unlock();
		}
	}

	/**
	 * Ends a job for good: the library keeps the asset FAST and visible and forgets the job; the spool goes once
	 * the library has heard of it (else the next synchronization reports it again).
	 */
	void endInError(Job job, String reason) {
		boolean first;
		lock.lock();
		try {
			first = job.state() != JobState.ERROR;
			if (first) {
				failed++;
				job.state(JobState.ERROR);
				job.error(reason);
				queue.remove(job);
			}
		} finally {
			lock.unlock();
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
			lock.lock();
			try {
				publish(job, Map.of(DeferredJobEvents.ERROR, reason));
				changed.signalAll();
			} finally {
				lock.unlock();
			}
		}
	}

	void drop(Job job, String why) {
		lock.lock();
		try {
			forget(job);
		} finally {
			lock.unlock();
		}
		dropSpool(job, why);
	}

	/** The spool goes before the CANCELLED event, so whoever hears it finds nothing left behind. */
	private void dropSpool(Job job, String why) {
		log.info("job {} dropped: {}", job.id(), why);
		deleteSpool(job);
		lock.lock();
		try {
			events(DeferredJobEvents.TOPIC_CANCELLED, job, Map.of());
			changed.signalAll();
		} finally {
			lock.unlock();
		}
	}

	/** Called with the lock held: the job leaves the engine. */
	private void forget(Job job) {
		queue.remove(job);
		jobs.remove(job.id());
		changed.signalAll();
	}

	/** Called with the lock held, for a job cancelled while it ran. */
	private void forgetLater(Job job) {
		forget(job);
		later(() -> dropSpool(job, "its asset was deleted"));
	}

	private void deleteSpool(Job job) {
		try {
			spool.delete(job.id());
			lock.lock();
			try {
				spoolBytes -= job.releaseBytes();
			} finally {
				lock.unlock();
			}
		} catch (IOException e) {
			log.error("spool of job {} could not be deleted: {}", job.id(), e.toString());
		}
	}

	// ---------------------------------------------------------------- events

	/** Called with the lock held: posts the job's current state. */
	private void publish(Job job, Map<String, Object> extra) {
		events(DeferredJobEvents.topic(job.state()), job, extra);
	}

	private void events(String topic, Job job, Map<String, Object> extra) {
		Map<String, Object> properties = new HashMap<>(extra);
		properties.put(DeferredJobEvents.JOB_ID, job.id());
		properties.put(DeferredJobEvents.PRIORITY, job.priority().name());
		properties.put(DeferredJobEvents.ATTEMPTS, job.attempts());
		if (job.assetUri() != null) {
			properties.put(DeferredJobEvents.ASSET_URI, job.assetUri());
		}
		later(() -> services.events().post(topic, properties));
	}

	/** Runs on the housekeeping thread; after a stop the work is left for the next start's recovery. */
	private void later(Runnable task) {
		try {
			housekeeping.execute(task);
		} catch (RejectedExecutionException e) {
			log.debug("housekeeping after stop skipped: {}", task);
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
}
