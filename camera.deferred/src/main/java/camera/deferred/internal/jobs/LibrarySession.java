package camera.deferred.internal.jobs;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import camera.api.JobPriority;
import media.library.processing.DeferredProcessingSession;

import org.osgi.service.log.Logger;

/**
 * The library's requests, turned into job priorities and cancellations, and its list of pending assets at
 * start-up. Thread-safe; the library calls it from its own threads, so nothing here waits on the library.
 */
final class LibrarySession implements DeferredProcessingSession {
	private final JobEngine engine;
	private final Logger log;
	private final Set<String> listed = ConcurrentHashMap.newKeySet();

	LibrarySession(JobEngine engine, Logger log) {
		this.engine = engine;
		this.log = log;
	}

	@Override
	public void processImage(String jobId) {
		engine.changePriority(jobId, JobPriority.HIGH);
	}

	@Override
	public void cancelProcessImage(String jobId) {
		engine.lowerFromHigh(jobId);
	}

	@Override
	public void restoreImage(String jobId) {
		engine.changePriority(jobId, JobPriority.NORMAL);
	}

	@Override
	public void removeImage(String jobId, boolean restorable) {
		if (restorable) {
			engine.changePriority(jobId, JobPriority.LOW);
		} else {
			engine.cancel(jobId);
		}
	}

	@Override
	public void beginSynchronize() {
		listed.clear();
	}

	@Override
	public void addImage(String jobId, String assetUri, boolean trashed) {
		listed.add(jobId);
		engine.claim(jobId, assetUri, trashed);
	}

	@Override
	public void endSynchronize() {
		// Unlisted jobs of this process may belong to assets not created yet: each is checked against the library
		// when it runs and deleted only once older than the grace period. Unlisted jobs from before a restart have
		// no asset to wait for and go when they next run.
		log.info("library synchronized: {} jobs listed, {} spooled jobs without a listed asset", listed.size(),
				engine.countJobsOutside(Set.copyOf(listed)));
		listed.clear();
		engine.libraryListedItsAssets();
		engine.wake();
	}
}
