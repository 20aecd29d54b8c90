package camera.deferred.internal.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import camera.api.JobPriority;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ConditionsTest {

	private static Condition fixed(String name, ConditionScope scope, boolean holds) {
		return new Condition() {
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
		};
	}

	@Nested
	class Pressure {
		private final Conditions busyMachine = Conditions.evaluate(List.of(fixed("cpu", ConditionScope.PRESSURE, false)));

		@Test
		void holdsNormalAndLowJobsBack() {
			assertThat(busyMachine.allow(JobPriority.NORMAL, false, 0)).isFalse();
			assertThat(busyMachine.allow(JobPriority.LOW, false, 0)).isFalse();
		}

		@Test
		void letsHighJobsRun() {
			assertThat(busyMachine.allow(JobPriority.HIGH, false, 0)).isTrue();
		}

		@Test
		void letsWaivedJobsRun() {
			assertThat(busyMachine.allow(JobPriority.NORMAL, true, 0)).isTrue();
		}
	}

	@Nested
	class Capture {
		private final List<Condition> capturing = List.of(fixed("capture", ConditionScope.CAPTURE, false));

		@Test
		void holdsEvenWaivedNormalJobsBack() {
			assertThat(Conditions.evaluate(capturing).allow(JobPriority.NORMAL, true, 0)).isFalse();
		}

		@Test
		void letsHighJobsRun() {
			assertThat(Conditions.evaluate(capturing).allow(JobPriority.HIGH, false, 0)).isTrue();
		}

		@Test
		void makesRunningNormalJobsYieldButNotHighOnes() {
			assertThat(Conditions.mustYield(JobPriority.NORMAL, capturing)).isTrue();
			assertThat(Conditions.mustYield(JobPriority.HIGH, capturing)).isFalse();
		}

		@Test
		void pressureDoesNotMakeRunningJobsYield() {
			assertThat(Conditions.mustYield(JobPriority.LOW, List.of(fixed("cpu", ConditionScope.PRESSURE, false))))
				.isFalse();
		}
	}

	@Nested
	class Health {
		private final Condition nearlyFull = new Condition() {
			@Override
			public String name() {
				return "storage";
			}

			@Override
			public ConditionScope scope() {
				return ConditionScope.HEALTH;
			}

			@Override
			public boolean holds() {
				return false;
			}

			@Override
			public boolean letsOneJobRun() {
				return true;
			}
		};

		@Test
		void badHealthHoldsEveryJobBack() {
			Conditions unhealthy = Conditions.evaluate(List.of(fixed("storage", ConditionScope.HEALTH, false)));

			assertThat(unhealthy.allow(JobPriority.HIGH, true, 0)).isFalse();
		}

		@Test
		void healthThatLetsOneJobRunLetsAJobStartWhileNoneRuns() {
			Conditions conditions = Conditions.evaluate(List.of(nearlyFull));

			assertThat(conditions.allow(JobPriority.NORMAL, false, 0)).isTrue();
			assertThat(conditions.allow(JobPriority.HIGH, false, 0)).isTrue();
		}

		@Test
		void healthThatLetsOneJobRunHoldsASecondJobBack() {
			Conditions conditions = Conditions.evaluate(List.of(nearlyFull));

			assertThat(conditions.allow(JobPriority.HIGH, true, 1)).isFalse();
		}

		@Test
		void theOneJobStillObeysTheOtherConditions() {
			Conditions conditions = Conditions.evaluate(List.of(nearlyFull, fixed("cpu", ConditionScope.PRESSURE, false)));

			assertThat(conditions.allow(JobPriority.NORMAL, false, 0)).isFalse();
			assertThat(conditions.allow(JobPriority.HIGH, false, 0)).isTrue();
		}

		@Test
		void anotherBadHealthConditionStillHoldsEveryJobBack() {
			Conditions conditions = Conditions.evaluate(
					List.of(nearlyFull, fixed("library", ConditionScope.HEALTH, false)));

			assertThat(conditions.allow(JobPriority.HIGH, true, 0)).isFalse();
		}
	}

	@Test
	void statesNameEveryCondition() {
		Conditions conditions = Conditions.evaluate(
				List.of(fixed("cpu", ConditionScope.PRESSURE, true), fixed("capture", ConditionScope.CAPTURE, false)));

		assertThat(conditions.states()).containsExactlyInAnyOrderEntriesOf(
				java.util.Map.of("cpu", true, "capture", false));
	}
}
