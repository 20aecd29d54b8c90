package camera.deferred.internal.jobs;

/**
 * The deferred engine as the capture path sees it. A DS service inside camera.deferred.
 */
public interface DeferredEngine {

	/**
	 * Makes the burst durable (spool written and fsynced, job recorded) and queues its job as PENDING. When this
	 * returns, a crash can no longer lose the photo.
	 *
	 * @return the new job id
	 * @throws SpoolFullException when the spool budget would be exceeded: the caller develops inline instead
	 */
	String accept(CapturedBurst burst);

	/** The capture path is busy (a capture started) or idle again; NORMAL and LOW jobs yield to captures. */
	void captureActivity(boolean busy);
}
