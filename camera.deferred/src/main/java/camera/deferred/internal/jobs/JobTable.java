package camera.deferred.internal.jobs;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import camera.api.JobPriority;
import camera.deferred.internal.stats.Latencies;

/**
 * What the engine knows of its jobs: each job by id, the queue of those waiting, the settings and the counters,
 * all behind one lock so that every collaborator of the engine sees one consistent table. The methods that say
 * so must be called with the lock held; disk, pipeline and library calls happen outside it.
 */
final class JobTable {
	private final ReentrantLock lock = new ReentrantLock();
	/** Signalled whenever work may have become runnable or a job changed state. */
	private final Condition changed = lock.newCondition();
	private final Map<String, Job> jobs = new LinkedHashMap<>();
	private final JobQueue queue = new JobQueue();
	private final Latencies phase2Times = new Latencies(1024);
	private final Latencies queueTimes = new Latencies(1024);
	private EngineSettings settings;
	/** Volatile as well: running jobs poll it between tiles without the lock. */
	private volatile boolean stopped;
	private boolean paused;
	private int draining;
	private int running;
	private int workerThreads;
	private long completed;
	private long failed;

	JobTable(EngineSettings settings) {
		this.settings = settings;
	}

	void lock() {
		lock.lock();
	}

	void unlock() {
		lock.unlock();
	}

	/** Called with the lock held: wakes every thread waiting for a change. */
	void signalAll() {
		changed.signalAll();
	}

	/** Called with the lock held: waits for a change. */
	void await() throws InterruptedException {
		changed.await();
	}

	/**
	 * Called with the lock held: waits for a change at most that long.
	 *
	 * @return the nanoseconds left to wait
	 */
	long awaitNanos(long nanos) throws InterruptedException {
		return changed.awaitNanos(nanos);
	}

	/** Called with the lock held. */
	EngineSettings settings() {
		return settings;
	}

	/** Called with the lock held. */
	void settings(EngineSettings newSettings) {
		settings = newSettings;
	}

	EngineSettings currentSettings() {
		lock.lock();
		try {
			return settings;
		} finally {
			lock.unlock();
		}
	}

	boolean stopped() {
		return stopped;
	}

	/** Called with the lock held. */
	void stop() {
		stopped = true;
	}

	// ---------------------------------------------------------------- the jobs (all called with the lock held)

	/** @return the job, or null when the engine does not know it */
	Job job(String jobId) {
		return jobs.get(jobId);
	}

	/** @return every job the engine knows, in the order it learnt of them; a live view */
	Collection<Job> jobs() {
		return jobs.values();
	}

	JobQueue queue() {
		return queue;
	}

	/** The engine knows the job from now on, at NORMAL priority behind every job known before. */
	void register(Job job) {
		job.priority(JobPriority.NORMAL, queue.nextSequence());
		jobs.put(job.id(), job);
	}

	/** Registers a new job and queues it. */
	void registerQueued(Job job) {
		register(job);
		queue.add(job);
	}

	/** The job leaves the engine. */
	void forget(Job job) {
		queue.remove(job);
		jobs.remove(job.id());
		changed.signalAll();
	}

	/** A job completed: it is counted with its timings and leaves the engine. */
	void recordCompletion(Job job, long queuedMs, long phase2Ms) {
		completed++;
		phase2Times.record(phase2Ms);
		queueTimes.record(queuedMs);
		jobs.remove(job.id());
	}

	/** A job ended in ERROR. */
	void recordFailure() {
		failed++;
	}

	long completed() {
		return completed;
	}

	long failed() {
		return failed;
	}

	Latencies phase2Times() {
		return phase2Times;
	}

	Latencies queueTimes() {
		return queueTimes;
	}

	// ---------------------------------------------------------------- the workers (all called with the lock held)

	int running() {
		return running;
	}

	void attemptStarted() {
		running++;
	}

	void attemptEnded() {
		running--;
	}

	int workerThreads() {
		return workerThreads;
	}

	void workerStarted() {
		workerThreads++;
	}

	void workerEnded() {
		workerThreads--;
	}

	boolean paused() {
		return paused;
	}

	void paused(boolean value) {
		paused = value;
	}

	/** @return how many drains are waiting: while one is, jobs run despite pause and machine pressure */
	int draining() {
		return draining;
	}

	void drainStarted() {
		draining++;
	}

	void drainEnded() {
		draining--;
	}
}
