package camera.api;

import java.time.Duration;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Shows and steers the jobs that develop full-quality photos in the background. A service; thread-safe.
 */
@ProviderType
public interface DeferredProcessing {

	/** @return every job not yet completed, highest priority first */
	List<DeferredJob> jobs();

	/** @return counters, latencies and the state of every scheduling condition */
	DeferredStats stats();

	/** Stops starting jobs (running ones finish); HIGH jobs requested by apps still run. */
	void pause();

	/** Undoes {@link #pause()}. */
	void resume();

	/**
	 * Runs every pending job regardless of machine pressure and waits until none is pending or running.
	 *
	 * @return true if the queue drained within the timeout
	 */
	boolean drain(Duration timeout);
}
