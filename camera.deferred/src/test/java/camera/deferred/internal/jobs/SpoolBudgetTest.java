package camera.deferred.internal.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SpoolBudgetTest {
	private static final long BUDGET = 1000;

	private final JobTable table = new JobTable(new EngineSettings(1, BUDGET, Duration.ofMinutes(5), 3, 5,
			Duration.ZERO, Duration.ofMinutes(60), Duration.ofMinutes(10), Duration.ofMillis(20), Duration.ZERO, 95,
			88, 75));
	private final SpoolBudget budget = new SpoolBudget(table);

	@Nested
	class Reserving {
		@Test
		void aReservationThatFillsTheBudgetExactlyIsTaken() {
			assertThat(budget.reserve(BUDGET)).isTrue();
			assertThat(budget.use()).isEqualTo("1000 of 1000 bytes");
		}

		@Test
		void aReservationBeyondTheBudgetIsRefusedAndTakesNothing() {
			budget.reserve(600);

			assertThat(budget.reserve(401)).isFalse();
			assertThat(budget.use()).isEqualTo("600 of 1000 bytes");
		}
	}

	@Nested
	class Releasing {
		@Test
		void releasedRoomCanBeReservedAgain() {
			budget.reserve(BUDGET);

			budget.release(400);

			assertThat(budget.reserve(400)).isTrue();
		}

		@Test
		void aJobGivesBackItsBytesOnlyOnce() {
			Job job = new Job("job-1", Instant.EPOCH, Instant.EPOCH, 0, 300);
			table.lock();
			try {
				budget.recovered(300);
			} finally {
				table.unlock();
			}

			budget.release(job);
			budget.release(job);

			assertThat(budget.use()).isEqualTo("0 of 1000 bytes");
		}
	}

	@Test
	void fallbacksAreCounted() {
		budget.countFallback();
		budget.countFallback();

		table.lock();
		try {
			assertThat(budget.fallbacks()).isEqualTo(2);
		} finally {
			table.unlock();
		}
	}
}
