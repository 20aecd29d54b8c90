package camera.deferred.internal.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import camera.deferred.internal.development.JpegQualities;
import camera.deferred.internal.development.LocalLane;
import camera.deferred.internal.events.JobEventPublisher;
import camera.deferred.internal.schedule.Condition;
import camera.deferred.internal.schedule.ConditionScope;

class JobSchedulerTest {
	private final TableFixture fixture = new TableFixture(TableFixture.settings(1));
	private final List<Condition> conditions = new ArrayList<>();
	private final JobScheduler scheduler = new JobScheduler(fixture.table,
			new JobEngine.Services(FakeLibrary::new, FakeDeveloper::new, FakeCodec::new,
					() -> JpegQualities.DEFAULTS, () -> conditions,
					new JobEventPublisher(() -> null)), new DevelopmentLanes());
	private final LocalLane local = new LocalLane(FakeDeveloper::new, FakeCodec::new, () -> 1);

	@AfterEach
	void stopHousekeeping() {
		fixture.close();
	}

	/** A condition that, while it is evaluated, has another thread read the table. */
	private static final class TableProbe implements Condition {
		private final JobTable table;
		final List<Boolean> tableFree = new ArrayList<>();

		TableProbe(JobTable table) {
			this.table = table;
		}

		@Override
		public String name() {
			return "probe";
		}

		@Override
		public ConditionScope scope() {
			return ConditionScope.PRESSURE;
		}

		@Override
		public boolean holds() {
			try {
				CompletableFuture.supplyAsync(table::changes).get(5, TimeUnit.SECONDS);
				tableFree.add(true);
			} catch (TimeoutException e) {
				tableFree.add(false);
			} catch (InterruptedException | ExecutionException e) {
				throw new AssertionError(e);
			}
			return true;
		}
	}

	@Nested
	class NextJob {
		@Test
		void theConditionsAreEvaluatedOutsideTheTablesLock() {
			fixture.table.recover(List.of());
			String jobId = fixture.admit();
			TableProbe probe = new TableProbe(fixture.table);
			conditions.add(probe);

			Job job = scheduler.nextJob(local);

			assertThat(job.id()).isEqualTo(jobId);
			assertThat(probe.tableFree).isNotEmpty().containsOnly(true);
		}

		@Test
		void aWorkerOfAStoppedEngineEnds() {
			fixture.table.recover(List.of());
			fixture.admit();

			fixture.table.stop();

			assertThat(scheduler.nextJob(local)).isNull();
		}
	}
}
