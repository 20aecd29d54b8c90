package camera.deferred.internal.jobs;

/**
 * The deferred engine as the capture path sees it. A DS service inside camera.deferred.
 */
public interface DeferredEngine {

	/**
	 * Opens the spool for a capture whose frames are about to arrive, so that each frame is written while the camera
	 * still delivers the next.
	 *
	 * @throws SpoolFullException when the engine takes no burst now (stopping, spool unwritable): the caller develops
	 *         inline instead
	 */
	BurstSpooling begin();

	/** The capture path is busy (a capture started) or idle again; NORMAL and LOW jobs yield to captures. */
	void captureActivity(boolean busy);
}
