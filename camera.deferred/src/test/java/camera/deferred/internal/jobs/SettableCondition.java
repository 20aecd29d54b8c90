package camera.deferred.internal.jobs;

import java.util.concurrent.Semaphore;

import camera.deferred.internal.schedule.Condition;
import camera.deferred.internal.schedule.ConditionScope;

/** A condition a test turns on and off, and which counts the scheduler's looks at it. */
final class SettableCondition implements Condition {
	private final String name;
	private final ConditionScope scope;
	volatile boolean holds = true;
	volatile boolean letsOneJobRun;
	/** A permit for each time the condition was asked whether it holds. */
	final Semaphore looks = new Semaphore(0);

	SettableCondition(String name, ConditionScope scope) {
		this.name = name;
		this.scope = scope;
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public ConditionScope scope() {
		return scope;
	}

	@Override
	public boolean holds() {
		looks.release();
		return holds;
	}

	@Override
	public boolean letsOneJobRun() {
		return letsOneJobRun;
	}
}
