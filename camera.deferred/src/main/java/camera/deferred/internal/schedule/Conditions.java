package camera.deferred.internal.schedule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import camera.api.JobPriority;

/**
 * The scheduling conditions as they stood at one moment, and which jobs they let run.
 */
public final class Conditions {
	private final Map<String, Boolean> states = new LinkedHashMap<>();
	private boolean pressureHolds = true;
	private boolean captureHolds = true;
	private boolean healthHolds = true;
	/** Whether each HEALTH condition that does not hold still lets one job run at a time. */
	private boolean healthLetsOneJobRun = true;

	private Conditions() {
	}

	/** Evaluates every condition once. */
	public static Conditions evaluate(List<Condition> conditions) {
		Conditions snapshot = new Conditions();
		for (Condition condition : conditions) {
			boolean holds = condition.holds();
			snapshot.states.put(condition.name(), holds);
			switch (condition.scope()) {
				case PRESSURE -> snapshot.pressureHolds &= holds;
				case CAPTURE -> snapshot.captureHolds &= holds;
				case HEALTH -> {
					snapshot.healthHolds &= holds;
					snapshot.healthLetsOneJobRun &= holds || condition.letsOneJobRun();
				}
			}
		}
		return snapshot;
	}

	/**
	 * @param pressureWaived the job may ignore machine pressure (it is overdue, or a drain is under way)
	 * @param running        how many jobs are running now
	 * @return whether a job of that priority may start now
	 */
	public boolean allow(JobPriority priority, boolean pressureWaived, int running) {
		if (!healthHolds && !(healthLetsOneJobRun && running == 0)) {
			return false;
		}
		if (priority == JobPriority.HIGH) {
			return true;
		}
		return captureHolds && (pressureWaived || pressureHolds);
	}

	/** @return each condition by name and whether it held */
	public Map<String, Boolean> states() {
		return Map.copyOf(states);
	}

	/** @return whether a running job of that priority must yield to a capture */
	public static boolean mustYield(JobPriority priority, List<Condition> conditions) {
		if (priority == JobPriority.HIGH) {
			return false;
		}
		for (Condition condition : conditions) {
			if (condition.scope() == ConditionScope.CAPTURE && !condition.holds()) {
				return true;
			}
		}
		return false;
	}
}
