package camera.deferred.internal.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

import camera.api.DeferredJob;
import camera.api.DeferredJobEvents;
import camera.api.DeferredStats;
import camera.api.DeveloperStats;
import camera.api.JobPriority;
import camera.api.JobState;
import camera.deferred.internal.schedule.Conditions;
import camera.deferred.internal.stats.Latencies;

/**
 * What the engine knows of its jobs, and the one owner of that state: each job by id, the queue of those waiting,
 * the spool budget, the settings, the workers and the counters. This is the only class that takes the engine's
 * lock; each method below is one whole transition, done atomically, and the {@link Job}'s own transitions are
 * called only from here. Events are handed to housekeeping inside the lock, so they leave in the order of the
 * transitions they tell of. Nothing here touches the disk, sysfs, the library or the developer: the callers do
 * that before or after, and the scheduling conditions come in already evaluated.
 */
final class JobTable {
	private static final Duration LONGEST_ASSET_WAIT = Duration.ofMinutes(1);
	private static final Duration SHORTEST_STORAGE_WAIT = Duration.ofSeconds(1);
	private static final Duration LONGEST_STORAGE_WAIT = Duration.ofMinutes(5);

	private final ReentrantLock lock = new ReentrantLock();
	/** Signalled whenever work may have become runnable or a job changed state. */
	private final Condition changed = lock.newCondition();
	private final Map<String, Job> jobs = new LinkedHashMap<>();
	/** Ids of the jobs found in the spool at start-up. */
	private final Set<String> recovered = new HashSet<>();
	private boolean libraryListed;
	private final JobQueue queue = new JobQueue();
	private final SpoolBudget budget = new SpoolBudget();
	private final Latencies phase2Times = new Latencies(1024);
	private final Latencies queueTimes = new Latencies(1024);
	private final Housekeeping housekeeping;
	private final Clock clock;
	private EngineSettings settings;
	/** Volatile as well: running jobs poll it between tiles without the lock. */
	private volatile boolean stopped;
	private boolean paused;
	private int draining;
	private int running;
	private int workerThreads;
	/** Slots of the lanes other than this machine's: their workers come and go with the lanes. */
	private int laneSlots;
	private long completed;
	private long failed;
	private long damaged;
	/** How many times {@link #changed} was signalled: a worker that looked at the conditions misses no change. */
	private long changes;

	JobTable(EngineSettings settings, Housekeeping housekeeping, Clock clock) {
		this.settings = settings;
		this.housekeeping = housekeeping;
		this.clock = clock;
	}

	/** Called with the lock held. */
	private void signalChange() {
		changes++;
		changed.signalAll();
	}

	// ---------------------------------------------------------------- settings and the engine's life

	EngineSettings settings() {
		lock.lock();
		try {
			return settings;
		} finally {
			lock.unlock();
		}
	}

	/** @return how many worker threads to start for the new settings; they are counted already */
	int update(EngineSettings newSettings) {
		lock.lock();
		try {
			settings = newSettings;
			signalChange();
			return workersToStart();
		} finally {
			lock.unlock();
		}
	}

	/**
	 * The jobs found in the spool at start-up queue in the order given, each taking its spool room.
	 *
	 * @return how many worker threads to start; they are counted already
	 */
	int recover(List<Spool.Entry> entries) {
		lock.lock();
		try {
			for (Spool.Entry entry : entries) {
				Job job = new Job(entry.jobId(), entry.capturedAt(), entry.acceptedAt(), entry.interruptedAttempts(),
						entry.bytes(), queue.nextSequence());
				jobs.put(job.id(), job);
				queue.add(job);
				budget.recovered(entry.bytes());
				recovered.add(job.id());
			}
			return workersToStart();
		} finally {
			lock.unlock();
		}
	}

	private int workersToStart() {
		int count = 0;
		while (workerThreads < settings.workers() && !stopped) {
			workerThreads++;
			count++;
		}
		return count;
	}

	boolean stopped() {
		return stopped;
	}

	/** Running jobs stop at their next tile, waiting workers end, and no burst is taken any more. */
	void stop() {
		lock.lock();
		try {
			stopped = true;
			signalChange();
		} finally {
			lock.unlock();
		}
	}

	/** Conditions or services changed: waiting workers look again. */
	void wake() {
		lock.lock();
		try {
			signalChange();
		} finally {
			lock.unlock();
		}
	}

	// ---------------------------------------------------------------- the capture path and the spool budget

	/** The burst of the job is durable in the spool: the job queues at NORMAL priority, PENDING is posted. */
	void admit(String jobId, Instant capturedAt, Instant acceptedAt, long bytes) {
		lock.lock();
		try {
			Job job = new Job(jobId, capturedAt, acceptedAt, 0, bytes, queue.nextSequence());
			jobs.put(jobId, job);
			queue.add(job);
			housekeeping.publish(job, Map.of());
			signalChange();
		} finally {
			lock.unlock();
		}
	}

	/** @return whether the spool budget has room for the bytes, which are then counted as used */
	boolean reserveSpool(long bytes) {
		lock.lock();
		try {
			return budget.reserve(bytes, settings.spoolBudgetBytes());
		} finally {
			lock.unlock();
		}
	}

	/** @return how the spool budget stands, for a refusal's message */
	String spoolUse() {
		lock.lock();
		try {
			return budget.bytes() + " of " + settings.spoolBudgetBytes() + " bytes";
		} finally {
			lock.unlock();
		}
	}

	/** Gives back room of a burst that did not become a job. */
	void releaseSpool(long bytes) {
		lock.lock();
		try {
			budget.release(bytes);
		} finally {
			lock.unlock();
		}
	}

	/** Gives back the room of a job whose spool is gone; a job gives it back once. */
	void releaseSpool(Job job) {
		lock.lock();
		try {
			budget.release(job.releaseBytes());
		} finally {
			lock.unlock();
		}
	}

	/** A job's frames were all damaged: it ends with its FAST image (and counts as failed too). */
	void countDamaged() {
		lock.lock();
		try {
			damaged++;
		} finally {
			lock.unlock();
		}
	}

	/** A capture went to the inline development instead of the spool. */
	void countFallback() {
		lock.lock();
		try {
			budget.countFallback();
		} finally {
			lock.unlock();
		}
	}

	// ---------------------------------------------------------------- the workers

	/**
	 * A worker that is no longer wanted (the engine stops, or the settings ask for fewer) ends here.
	 *
	 * @return whether the calling worker goes on
	 */
	boolean keepsWorker() {
		lock.lock();
		try {
			if (stopped || workerThreads > settings.workers()) {
				workerThreads--;
				return false;
			}
			return true;
		} finally {
			lock.unlock();
		}
	}

	/** A worker ends without asking (interrupted), or was counted but could not be started. */
	void endWorker() {
		lock.lock();
		try {
			workerThreads--;
		} finally {
			lock.unlock();
		}
	}

	/**
	 * How a worker's lane may take jobs.
	 *
	 * @param pressureFree whether the lane's work leaves this machine's pressure alone (a node's lane)
	 * @param takesHigh    whether a HIGH job would finish first on this lane, read under the lock
	 */
	record LaneView(boolean pressureFree, BooleanSupplier takesHigh) {
	}

	/** A lane of another machine opened with these slots: they count when a HIGH job needs a worker. */
	void addLaneSlots(int slots) {
		lock.lock();
		try {
			laneSlots += slots;
			signalChange();
		} finally {
			lock.unlock();
		}
	}

	void removeLaneSlots(int slots) {
		lock.lock();
		try {
			laneSlots -= slots;
			signalChange();
		} finally {
			lock.unlock();
		}
	}

	/**
	 * @param open whether the worker's lane is still open
	 * @return whether a worker of another machine's lane goes on
	 */
	boolean keepsLaneWorker(BooleanSupplier open) {
		return !stopped && open.getAsBoolean();
	}

	/** @return a count that grows with each change, to hand to {@link #take} */
	long changes() {
		lock.lock();
		try {
			return changes;
		} finally {
			lock.unlock();
		}
	}

	/**
	 * A free worker takes the first queued job that may start now, which becomes RUNNING. When none may, it waits
	 * for a change, a retry or asset check coming due, or the next look at the conditions, unless something
	 * changed since {@code seenChanges}, which the conditions may not show.
	 *
	 * @param conditions  the scheduling conditions as the caller evaluated them just now; null while the pipeline
	 *                    is missing, when no job may start
	 * @param seenChanges {@link #changes()} from before the conditions were evaluated
	 * @param lane        how the calling worker's lane may take jobs
	 * @return the job, or null when the worker should look at the conditions again (or end)
	 */
	Job take(Conditions conditions, long seenChanges, LaneView lane) throws InterruptedException {
		lock.lock();
		try {
			if (stopped) {
				return null;
			}
			Instant now = clock.instant();
			Instant wakeAt = startableAt(now);
			if (wakeAt == null) {
				Job job = conditions == null ? null : pick(now, conditions, lane);
				if (job != null) {
					queue.remove(job);
					job.start();
					running++;
					return job;
				}
				wakeAt = now.plus(settings.recheckInterval());
			}
			if (changes != seenChanges) {
				return null;
			}
			if (wakeAt.equals(Instant.MAX)) {
				changed.await();
			} else {
				changed.awaitNanos(Math.max(1, Duration.between(now, wakeAt).toNanos()));
			}
			return null;
		} finally {
			lock.unlock();
		}
	}

	/** @return null when some queued job may start now, else when the earliest retry or asset check is due */
	private Instant startableAt(Instant now) {
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
		Duration recheck = settings.recheckInterval();
		return earliest.isAfter(now.plus(recheck)) ? now.plus(recheck) : earliest;
	}

	private Job pick(Instant now, Conditions conditions, LaneView lane) {
		boolean drain = draining > 0;
		for (Job job : queue.inOrder()) {
			if (job.notBefore().isAfter(now)) {
				continue;
			}
			boolean high = job.priority() == JobPriority.HIGH;
			boolean overdue = job.priority() == JobPriority.NORMAL
					&& !job.acceptedAt().plus(settings.overdueAge()).isAfter(now);
			if ((paused && !high && !drain)
					|| !conditions.allow(job.priority(), overdue || drain || lane.pressureFree(), running)
					|| (high && !lane.takesHigh().getAsBoolean())) {
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
		lock.lock();
		try {
			Job first = queue.first();
			return first != null && first.priority() == JobPriority.HIGH && running >= workerThreads + laneSlots
					&& !first.notBefore().isAfter(clock.instant());
		} finally {
			lock.unlock();
		}
	}

	// ---------------------------------------------------------------- how an attempt ends (for the job taken)

	/** The job's asset exists: the attempt is counted and RUNNING is posted with the time the job queued. */
	void beginAttempt(Job job, String assetUri, long queuedMs) {
		lock.lock();
		try {
			job.beginAttempt(assetUri);
			housekeeping.publish(job, Map.of(DeferredJobEvents.QUEUED_MS, queuedMs));
		} finally {
			lock.unlock();
		}
	}

	/**
	 * The running job goes back to the queue without an event, not to start before that time.
	 *
	 * @return false when the job was cancelled meanwhile and has left the table: its spool is the caller's to drop
	 */
	boolean requeue(Job job, Instant notBefore) {
		lock.lock();
		try {
			return putBack(job, notBefore);
		} finally {
			lock.unlock();
		}
	}

	/**
	 * The running job found no asset: it goes back to the queue until the next look, after a wait that doubles
	 * with each look, up to a minute.
	 *
	 * @return false when the job was cancelled meanwhile and has left the table: its spool is the caller's to drop
	 */
	boolean requeueUntilAsset(Job job, Instant now) {
		lock.lock();
		try {
			int checks = job.assetMissing();
			Duration wait = settings.assetWait().multipliedBy(1L << Math.min(checks, 16));
			if (wait.compareTo(LONGEST_ASSET_WAIT) > 0) {
				wait = LONGEST_ASSET_WAIT;
			}
			return putBack(job, now.plus(wait));
		} finally {
			lock.unlock();
		}
	}

	/** Called with the lock held. */
	private boolean putBack(Job job, Instant notBefore) {
		running--;
		if (job.cancelled()) {
			forget(job);
			return false;
		}
		job.requeue(notBefore);
		queue.add(job);
		signalChange();
		return true;
	}

	/**
	 * The running job gave its worker up (to a capture, a HIGH request or a stop): the attempt does not count, the
	 * job queues again at once and PENDING is posted.
	 *
	 * @return false when the job was cancelled meanwhile and has left the table: its spool is the caller's to drop
	 */
	boolean yieldWorker(Job job) {
		lock.lock();
		try {
			running--;
			job.yieldWorker(clock.instant());
			if (job.cancelled()) {
				forget(job);
				return false;
			}
			housekeeping.publish(job, Map.of());
			queue.add(job);
			signalChange();
			return true;
		} finally {
			lock.unlock();
		}
	}

	/**
	 * The running job's attempt could not write its output: FAILED is posted with the reason and the job queues to
	 * run again after a wait that doubles with each such attempt, from the retry delay (at least a second)
	 * up to five minutes. The attempt does not count against the job's attempts, and its frames stay.
	 *
	 * @return false when the job was cancelled meanwhile and has left the table: its spool is the caller's to drop
	 */
	boolean failForStorage(Job job, String reason) {
		lock.lock();
		try {
			Duration first = settings.retryDelay().compareTo(SHORTEST_STORAGE_WAIT) < 0 ? SHORTEST_STORAGE_WAIT
					: settings.retryDelay();
			Duration wait = first.multipliedBy(1L << Math.min(job.storageWaits(), 16));
			if (wait.compareTo(LONGEST_STORAGE_WAIT) > 0) {
				wait = LONGEST_STORAGE_WAIT;
			}
			job.failForStorage(reason, clock.instant().plus(wait));
			return requeueFailed(job, reason);
		} finally {
			lock.unlock();
		}
	}

	/**
	 * The running job's attempt failed: FAILED is posted and the job queues to run again after the retry delay.
	 *
	 * @return false when the job was cancelled meanwhile and has left the table: its spool is the caller's to drop
	 */
	boolean fail(Job job, String reason) {
		lock.lock();
		try {
			job.fail(reason, clock.instant().plus(settings.retryDelay()));
			return requeueFailed(job, reason);
		} finally {
			lock.unlock();
		}
	}

	/** Called with the lock held: the failed job's worker is free, FAILED is posted and the job queues again. */
	private boolean requeueFailed(Job job, String reason) {
		running--;
		housekeeping.publish(job, Map.of(DeferredJobEvents.ERROR, reason));
		if (job.cancelled()) {
			forget(job);
			return false;
		}
		queue.add(job);
		signalChange();
		return true;
	}

	/**
	 * The running job's asset has its full image: the job is COMPLETED, counted with its timings, and leaves the
	 * table; its worker stays busy until {@link #announceCompleted}, once its spool is gone.
	 */
	void complete(Job job, long queuedMs, long phase2Ms) {
		lock.lock();
		try {
			job.complete();
			completed++;
			phase2Times.record(phase2Ms);
			queueTimes.record(queuedMs);
			jobs.remove(job.id());
		} finally {
			lock.unlock();
		}
	}

	/** The completed job's spool is gone: its worker is free and COMPLETED is posted. */
	void announceCompleted(Job job, long queuedMs, long phase2Ms) {
		lock.lock();
		try {
			running--;
			housekeeping.publish(job,
					Map.of(DeferredJobEvents.QUEUED_MS, queuedMs, DeferredJobEvents.PHASE2_MS, phase2Ms));
			signalChange();
		} finally {
			lock.unlock();
		}
	}

	/**
	 * The job ends in ERROR for good (a running one frees its worker) and leaves the queue; it stays in the table
	 * until its spool is dropped. {@link #announceError} posts the event once the library was told.
	 *
	 * @return whether the job was not in ERROR before (a job the library lists again is reported again)
	 */
	boolean endInError(Job job, String reason) {
		lock.lock();
		try {
			if (job.state() == JobState.RUNNING) {
				running--;
			}
			if (job.state() == JobState.ERROR) {
				return false;
			}
			failed++;
			job.endInError(reason);
			queue.remove(job);
			return true;
		} finally {
			lock.unlock();
		}
	}

	void announceError(Job job, String reason) {
		lock.lock();
		try {
			housekeeping.publish(job, Map.of(DeferredJobEvents.ERROR, reason));
			signalChange();
		} finally {
			lock.unlock();
		}
	}

	/** The job leaves the table (a running one frees its worker); the caller drops its spool. */
	void drop(Job job) {
		lock.lock();
		try {
			if (job.state() == JobState.RUNNING) {
				running--;
			}
			forget(job);
		} finally {
			lock.unlock();
		}
	}

	/** The spool of a job that left the table is gone: CANCELLED is posted. */
	void announceDropped(Job job) {
		lock.lock();
		try {
			housekeeping.post(DeferredJobEvents.TOPIC_CANCELLED, job, Map.of());
			signalChange();
		} finally {
			lock.unlock();
		}
	}

	/** Called with the lock held. */
	private void forget(Job job) {
		queue.remove(job);
		jobs.remove(job.id());
		signalChange();
	}

	// ---------------------------------------------------------------- the library's requests

	/**
	 * Moves a job to another priority; an ERROR job keeps its own. A queued job posts its new priority.
	 */
	void changePriority(String jobId, JobPriority priority) {
		lock.lock();
		try {
			Job job = jobs.get(jobId);
			if (job != null && job.state() != JobState.ERROR && job.priority() != priority) {
				reprioritise(job, priority);
				signalChange();
			}
		} finally {
			lock.unlock();
		}
	}

	/**
	 * Nobody waits for the job any more: a HIGH job returns to NORMAL; a job at another priority (trashed, or never
	 * raised) keeps it.
	 */
	void lowerFromHigh(String jobId) {
		lock.lock();
		try {
			Job job = jobs.get(jobId);
			if (job != null && job.state() != JobState.ERROR && job.priority() == JobPriority.HIGH) {
				reprioritise(job, JobPriority.NORMAL);
				signalChange();
			}
		} finally {
			lock.unlock();
		}
	}

	/** Called with the lock held. */
	private void reprioritise(Job job, JobPriority priority) {
		queue.changePriority(job, priority);
		if (queue.contains(job)) {
			housekeeping.publish(job, Map.of());
		}
	}

	/**
	 * The job's asset was deleted for good: a queued job leaves the table; a running one stops at its next tile,
	 * and its worker drops it.
	 *
	 * @return the job that left the table, whose spool the caller drops; null when there is none
	 */
	Job cancel(String jobId) {
		lock.lock();
		try {
			Job job = jobs.get(jobId);
			if (job == null) {
				return null;
			}
			job.cancel();
			if (job.state() == JobState.RUNNING) {
				return null;
			}
			forget(job);
			return job;
		} finally {
			lock.unlock();
		}
	}

	/**
	 * What a claim asks of the caller: to warn that the job is unknown to a table that cannot tell whether its
	 * frames are lost, to report a job in ERROR with that reason, or nothing (both null).
	 */
	record Claim(boolean unknown, Job toReport, String reason) {
	}

	/**
	 * The library holds an asset whose job is this one: the job learns its asset, and a trashed one goes LOW. A
	 * job the table does not know lost its frames when {@code spoolRecovered} (every spooled job was loaded at
	 * start-up): it is registered to be reported in ERROR. An ERROR job the library still lists is reported again.
	 */
	Claim claim(String jobId, String assetUri, boolean trashed, boolean spoolRecovered) {
		lock.lock();
		try {
			Job job = jobs.get(jobId);
			if (job == null && !spoolRecovered) {
				return new Claim(true, null, null);
			}
			if (job == null) {
				Instant now = clock.instant();
				Job lost = new Job(jobId, now, now, 0, 0, queue.nextSequence());
				lost.learnAsset(assetUri);
				jobs.put(jobId, lost);
				return new Claim(false, lost,
						JobError.SPOOL_MISSING.reason("no raw frames are spooled for job " + jobId));
			}
			job.learnAsset(assetUri);
			if (trashed && job.priority() != JobPriority.LOW) {
				reprioritise(job, JobPriority.LOW);
			}
			if (job.state() == JobState.ERROR) {
				return new Claim(false, job, job.error());
			}
			return new Claim(false, null, null);
		} finally {
			lock.unlock();
		}
	}

	/** @return how many jobs are not among these */
	/** The library has listed every asset that holds a job: a job recovered at start-up it did not list has none. */
	void libraryListedItsAssets() {
		lock.lock();
		try {
			libraryListed = true;
		} finally {
			lock.unlock();
		}
	}

	/**
	 * @return whether the job came from the spool of a previous process and the library, having listed its
	 *         assets since, knows no asset of it: its photo is FULL already, deleted, or was never delivered
	 */
	boolean orphanedByRestart(Job job) {
		lock.lock();
		try {
			return libraryListed && recovered.contains(job.id());
		} finally {
			lock.unlock();
		}
	}

	int countJobsOutside(Set<String> jobIds) {
		lock.lock();
		try {
			return (int) jobs.values().stream().filter(job -> !jobIds.contains(job.id())).count();
		} finally {
			lock.unlock();
		}
	}

	// ---------------------------------------------------------------- the management API

	/** @return the jobs that do not know their asset's URI yet */
	List<Job> jobsWithoutAsset() {
		lock.lock();
		try {
			return jobs.values().stream().filter(job -> job.assetUri() == null).toList();
		} finally {
			lock.unlock();
		}
	}

	void learnAsset(Job job, String assetUri) {
		lock.lock();
		try {
			job.learnAsset(assetUri);
		} finally {
			lock.unlock();
		}
	}

	/** @return every job, by priority, the running ones first */
	List<DeferredJob> snapshots() {
		lock.lock();
		try {
			return jobs.values()
				.stream()
				.sorted(Comparator.comparing((Job job) -> job.priority()).thenComparing(JobTable::queueRank))
				.map(Job::snapshot)
				.toList();
		} finally {
			lock.unlock();
		}
	}

	private static int queueRank(Job job) {
		return switch (job.state()) {
			case RUNNING -> 0;
			case PENDING, FAILED -> 1;
			default -> 2;
		};
	}

	/** @param conditions each condition by name and whether it holds, as the caller evaluated them */
	/** @param developers each lane's own counts, which {@link DevelopmentLanes} keeps */
	DeferredStats stats(String jpegCodec, Map<String, Boolean> conditions, List<DeveloperStats> developers) {
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
					phase2Times.percentile(0.99), queueTimes.percentile(0.5), queueTimes.percentile(0.99), jpegCodec,
					paused, conditions, budget.bytes(), budget.fallbacks(), damaged, developers);
		} finally {
			lock.unlock();
		}
	}

	/** While paused, only HIGH jobs and drains start jobs. */
	void pause(boolean value) {
		lock.lock();
		try {
			paused = value;
			signalChange();
		} finally {
			lock.unlock();
		}
	}

	/**
	 * Runs every queued job despite pause and machine pressure and waits until none is left. Jobs whose asset does
	 * not exist (yet) do not hold a drain back: their photo was never delivered, and they may wait for the orphan
	 * grace period.
	 *
	 * @return whether the queue emptied within the timeout (false when the engine stops)
	 */
	boolean drain(Duration timeout) {
		long remaining = timeout.toNanos();
		lock.lock();
		try {
			draining++;
			signalChange();
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
}
