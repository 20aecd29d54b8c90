package media.library.processing;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The deferred processing service as the library sees it (OpenHarmony's deferred-processing session). A
 * service implemented by the camera side; the library tracks it dynamically and calls it from its own
 * threads. Calls for unknown job ids are ignored: the library may know of jobs the engine already finished.
 */
@ConsumerType
public interface DeferredProcessingSession {

	/**
	 * An application asked for the FULL image (HIGH_QUALITY or BALANCE mode): run the job next. The library calls
	 * it once per job however many requests wait, when the first one starts.
	 */
	void processImage(String jobId);

	/**
	 * The last request waiting for the FULL image of this job was cancelled: the job returns to the priority it had
	 * before {@link #processImage} (normal, or low while its asset is in the trash). Not called when the requests
	 * end because the image arrived or the asset went away. The default does nothing: the job keeps its priority.
	 *
	 * @since 1.1
	 */
	default void cancelProcessImage(String jobId) {
	}

	/**
	 * The asset left the library's view.
	 *
	 * @param restorable true when it went to the trash (the job drops to low priority), false when it was
	 *                   deleted for good or discarded (the job is cancelled and its spool dropped)
	 */
	void removeImage(String jobId, boolean restorable);

	/** The asset came back from the trash: the job returns to normal priority. */
	void restoreImage(String jobId);

	/**
	 * Starts a synchronization: the library lists every asset still FAST with a job id through
	 * {@link #addImage}, then calls {@link #endSynchronize}. Jobs the engine knows of that were not listed have
	 * no asset any more.
	 */
	void beginSynchronize();

	/** One pending job of the library, during a synchronization. */
	void addImage(String jobId, String assetUri, boolean trashed);

	/** Ends a synchronization begun with {@link #beginSynchronize}. */
	void endSynchronize();
}
