package camera.deferred.internal.framework;

/** One way of turning a captured photo into the photo event of its output. */
interface Delivery {

	/**
	 * Develops the photo as this delivery needs and fires its photo event on the output.
	 *
	 * @throws RuntimeException when it could not; the pipeline turns it into the capture's error event
	 */
	void deliver(CapturedPhoto photo);
}
