package camera.deferred.internal.jobs;

import camera.deferred.internal.schedule.Condition;
import camera.deferred.internal.schedule.ConditionScope;

/** A condition a test turns on and off. */
final class SettableCondition implements Condition {
	private final String name;
	private final ConditionScope scope;
	volatile boolean holds = true;

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
		return holds;
	}
}
