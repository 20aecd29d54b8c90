package camera.deferred.internal.schedule;

/** Which jobs a condition holds back when it does not hold. */
public enum ConditionScope {
	/** Machine pressure: holds back NORMAL and LOW jobs, but neither HIGH jobs, overdue NORMAL jobs nor a drain. */
	PRESSURE,
	/** A capture in progress: holds back every job but HIGH ones, and running NORMAL or LOW jobs yield to it. */
	CAPTURE,
	/**
	 * The spool or the library cannot take a result: holds back every job, or every job but one at a time when the
	 * condition says one may still run ({@link Condition#letsOneJobRun()}).
	 */
	HEALTH
}
