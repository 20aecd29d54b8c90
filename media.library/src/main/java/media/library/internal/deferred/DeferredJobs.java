package media.library.internal.deferred;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.osgi.service.log.Logger;

import media.library.internal.store.AssetRow;
import media.library.processing.DeferredProcessingSession;

/**
 * Tells the deferred processing session, when one is bound, what happens to the assets of its jobs. Calls are
 * made in order on one thread of their own, never while the library holds a lock; a call made while no session is
 * bound is dropped, because binding a session synchronizes it with the library.
 */
public final class DeferredJobs implements AutoCloseable {
	private final Supplier<DeferredProcessingSession> session;
	private final Logger log;
	private final ExecutorService calls = Executors.newSingleThreadExecutor(
			Thread.ofPlatform().name("media-library-deferred-jobs").daemon().factory());

	/** @param session the session bound now, or {@code null} */
	public DeferredJobs(Supplier<DeferredProcessingSession> session, Logger log) {
		this.session = session;
		this.log = log;
	}

	/** An application waits for the FULL image of this job. */
	public void processImage(String jobId) {
		call("raise", jobId, s -> s.processImage(jobId));
	}

	/** No application waits for the FULL image of this job any more. */
	public void cancelProcessImage(String jobId) {
		call("lower", jobId, s -> s.cancelProcessImage(jobId));
	}

	/** The asset of this job went to the trash ({@code restorable}) or away for good. */
	public void removeImage(String jobId, boolean restorable) {
		call(restorable ? "lower" : "cancel", jobId, s -> s.removeImage(jobId, restorable));
	}

	/** The asset of this job came back from the trash. */
	public void restoreImage(String jobId) {
		call("restore", jobId, s -> s.restoreImage(jobId));
	}

	/**
	 * Hands a newly bound session the list of jobs the library still waits for, then raises the jobs that
	 * requests wait on.
	 *
	 * @param pendingJobs   reads the assets still FAST with a job, when the call runs
	 * @param requestedJobs reads the jobs that image requests wait on, when the call runs
	 */
	public void synchronize(DeferredProcessingSession bound, Supplier<List<AssetRow>> pendingJobs,
			Supplier<Collection<String>> requestedJobs) {
		calls.execute(() -> {
			try {
				List<AssetRow> assets = pendingJobs.get();
				bound.beginSynchronize();
				for (AssetRow asset : assets) {
					bound.addImage(asset.deferredJobId(), asset.uri(), asset.trashed());
				}
				bound.endSynchronize();
				for (String jobId : requestedJobs.get()) {
					bound.processImage(jobId);
				}
				log.info("Synchronized {} pending deferred jobs with the processing session", assets.size());
			} catch (RuntimeException e) {
				log.error("Synchronizing the pending deferred jobs with the processing session failed", e);
			}
		});
	}

	private void call(String what, String jobId, Consumer<DeferredProcessingSession> action) {
		// The session bound when the call is made gets it; one bound later learns of the job by synchronizing.
		DeferredProcessingSession current = session.get();
		if (current == null) {
			log.debug("No deferred processing session to {} job {}; it learns of it when it binds", what, jobId);
			return;
		}
		calls.execute(() -> {
			try {
				action.accept(current);
			} catch (RuntimeException e) {
				log.error("The deferred processing session failed to {} job {}", what, jobId, e);
			}
		});
	}

	/** Waits briefly for the calls already made, then stops the thread. */
	@Override
	public void close() {
		calls.shutdown();
		try {
			if (!calls.awaitTermination(5, TimeUnit.SECONDS)) {
				log.warn("Calls to the deferred processing session were still running when the library stopped");
				calls.shutdownNow();
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			calls.shutdownNow();
		}
	}
}
