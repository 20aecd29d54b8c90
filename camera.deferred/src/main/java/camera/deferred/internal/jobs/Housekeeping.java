package camera.deferred.internal.jobs;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.osgi.service.log.Logger;

import camera.api.DeferredJobEvents;
import camera.deferred.internal.events.JobEventPublisher;

/**
 * The engine's one housekeeping thread: posts job events in order and reports errors to the library without
 * holding its caller. Events leave in the order they are handed over; the {@link JobTable} hands them over inside
 * the transitions they tell of.
 */
final class Housekeeping {
	private final ExecutorService thread;
	private final JobEventPublisher events;
	private final Logger log;

	/** @param thread a single-threaded executor, which this object shuts down */
	Housekeeping(ExecutorService thread, JobEventPublisher events, Logger log) {
		this.thread = thread;
		this.events = events;
		this.log = log;
	}

	/** Posts the job's current state. */
	void publish(Job job, Map<String, Object> extra) {
		post(DeferredJobEvents.topic(job.state()), job, extra);
	}

	/** Posts the event with the job's properties as they are now. */
	void post(String topic, Job job, Map<String, Object> extra) {
		Map<String, Object> properties = new HashMap<>(extra);
		properties.put(DeferredJobEvents.JOB_ID, job.id());
		properties.put(DeferredJobEvents.PRIORITY, job.priority().name());
		properties.put(DeferredJobEvents.ATTEMPTS, job.attempts());
		if (job.assetUri() != null) {
			properties.put(DeferredJobEvents.ASSET_URI, job.assetUri());
		}
		later(() -> events.post(topic, properties));
	}

	/** Runs the task on the housekeeping thread; after a stop the work is left for the next start's recovery. */
	void later(Runnable task) {
		try {
			thread.execute(task);
		} catch (RejectedExecutionException e) {
			log.debug("housekeeping after stop skipped: {}", task);
		}
	}

	/** Lets the tasks already handed over run, for a few seconds at most. */
	void stop() throws InterruptedException {
		thread.shutdown();
		thread.awaitTermination(5, TimeUnit.SECONDS);
	}

	void stopNow() {
		thread.shutdownNow();
	}
}
