package camera.deferred.internal.jobs;

import camera.api.hal.RawFrame;

/**
 * One capture's burst on its way into the spool. The capture path adds each frame as the camera delivers it, then
 * either commits the burst, which makes it a durable job, or abandons it; one of the two always ends it.
 */
public interface BurstSpooling {

	/** Starts writing the frame in the background and returns at once; frames are added in capture order. */
	void add(RawFrame frame);

	/**
	 * Waits for the frames, records the job durably and queues it as PENDING. When this returns, a crash can no
	 * longer lose the photo.
	 *
	 * @param burst the frames added, with what phase 2 needs to know about them
	 * @return the new job id
	 * @throws SpoolFullException when the spool budget did not allow the burst or the spool could not be written;
	 *         nothing of the burst is left and the caller develops inline instead
	 */
	String commit(CapturedBurst burst);

	/** Drops what was written, for a capture that failed or went to another delivery. */
	void abandon();
}
