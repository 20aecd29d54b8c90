package camera.deferred.internal.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import camera.deferred.internal.events.JobEventPublisher;
import camera.deferred.internal.schedule.Condition;
import camera.deferred.internal.schedule.Conditions;
import camera.deferred.internal.testing.TestSupport;

/** A job table on its own, with a clock the test moves and the events it posts recorded. */
final class TableFixture implements AutoCloseable {
	static final long BUDGET_BYTES = 1000;
	static final Conditions ALL_HOLD = Conditions.evaluate(List.of());

	final TestSupport.ManualClock clock = new TestSupport.ManualClock(Instant.parse("2026-11-21T10:00:00Z"));
	private final List<Event> events = new CopyOnWriteArrayList<>();
	private final Housekeeping housekeeping;
	final JobTable table;

	TableFixture(EngineSettings settings) {
		EventAdmin eventAdmin = new EventAdmin() {
			@Override
			public void postEvent(Event event) {
				events.add(event);
			}

			@Override
			public void sendEvent(Event event) {
				events.add(event);
			}
		};
		housekeeping = new Housekeeping(Executors.newSingleThreadExecutor(), new JobEventPublisher(() -> eventAdmin),
				TestSupport.logger());
		table = new JobTable(settings, housekeeping, clock);
	}

	/** Two workers, a budget of 1000 bytes, three attempts, a retry delay of a second, NORMAL overdue after an hour. */
	static EngineSettings settings() {
		return settings(2);
	}

	static EngineSettings settings(int workers) {
		return new EngineSettings(workers, BUDGET_BYTES, Duration.ofMinutes(5), 3, 5, Duration.ofSeconds(1),
				Duration.ofMinutes(60), Duration.ofMinutes(10), Duration.ofMillis(20), Duration.ofMillis(200), 0, Durability.POWER);
	}

	/** @return the id of a job admitted now, whose spool takes that many bytes */
	String admit(long bytes) {
		String jobId = UUID.randomUUID().toString();
		table.admit(jobId, clock.instant(), clock.instant(), bytes);
		return jobId;
	}

	String admit() {
		return admit(100);
	}

	/** @return the job a worker takes now with the conditions given, or null; never waits */
	/** A worker of this machine's lane, the only one. */
	static final JobTable.LaneView ONLY_LOCAL = new JobTable.LaneView(false, () -> true);

	Job take(Conditions conditions) throws InterruptedException {
		return table.take(conditions, table.changes() - 1, TableFixture.ONLY_LOCAL);
	}

	Job take() throws InterruptedException {
		return take(ALL_HOLD);
	}

	/** @return a job taken and begun, as a worker does once it found the job's asset */
	Job running() throws InterruptedException {
		admit();
		Job job = take();
		table.beginAttempt(job, "file://media/Photo/1/IMG_1.jpg", 0);
		return job;
	}

	static Conditions holding(Condition... conditions) {
		return Conditions.evaluate(List.of(conditions));
	}

	/** @return every event posted so far, in order, once the housekeeping thread posted what it was handed */
	List<Event> posted() throws InterruptedException {
		housekeeping.stop();
		return new ArrayList<>(events);
	}

	@Override
	public void close() {
		housekeeping.stopNow();
	}
}
