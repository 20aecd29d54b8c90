package camera.deferred.internal.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SpoolBudgetTest {
	private static final long BUDGET = TableFixture.BUDGET_BYTES;

	private final TableFixture fixture = new TableFixture(TableFixture.settings());
	private final JobTable table = fixture.table;

	@AfterEach
	void stopHousekeeping() {
		fixture.close();
	}

	@Nested
	class Reserving {
		@Test
		void aReservationThatFillsTheBudgetExactlyIsTaken() {
			assertThat(table.reserveSpool(BUDGET)).isTrue();
			assertThat(table.spoolUse()).isEqualTo("1000 of 1000 bytes");
		}

		@Test
		void aReservationBeyondTheBudgetIsRefusedAndTakesNothing() {
			table.reserveSpool(600);

			assertThat(table.reserveSpool(401)).isFalse();
			assertThat(table.spoolUse()).isEqualTo("600 of 1000 bytes");
		}
	}

	@Nested
	class Releasing {
		@Test
		void releasedRoomCanBeReservedAgain() {
			table.reserveSpool(BUDGET);

			table.releaseSpool(400);

			assertThat(table.reserveSpool(400)).isTrue();
		}

		@Test
		void aJobGivesBackItsBytesOnlyOnce() throws InterruptedException {
			table.recover(List.of(new Spool.Entry(UUID.randomUUID().toString(), Instant.EPOCH, Instant.EPOCH, 0, 300, null)));
			Job job = fixture.take();

			table.releaseSpool(job);
			table.releaseSpool(job);

			assertThat(table.spoolUse()).isEqualTo("0 of 1000 bytes");
		}
	}

	@Test
	void fallbacksAreCounted() {
		table.countFallback();
		table.countFallback();

		assertThat(table.stats("none", Map.of(), List.of()).fallbacks()).isEqualTo(2);
	}
}
