package camera.deferred.internal.schedule;

/**
 * One thing that must hold before the scheduler starts a deferred job. Each condition is its own component
 * with its own configuration; the engine tracks every registered condition dynamically.
 */
public interface Condition {

	/** @return a short stable name for {@code deferred:stats}, e.g. {@code cpu-load} */
	String name();

	/** @return which jobs may run while this condition does not hold */
	ConditionScope scope();

	/** @return whether the condition holds now; cheap enough to call between two tiles */
	boolean holds();

	/**
	 * Asked of a {@link ConditionScope#HEALTH} condition just after {@link #holds()} said it does not hold. A job
	 * frees more than it writes (it writes one photo and deletes its raw frames), so holding every job back while
	 * space is short would keep the space short for good.
	 *
	 * @return whether one job at a time may still run
	 */
	default boolean letsOneJobRun() {
		return false;
	}

	/** The capture path became busy or idle; conditions that do not care ignore it. */
	default void captureActivity(boolean busy) {
	}
}
