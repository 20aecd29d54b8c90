package camera.deferred.internal.jobs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import camera.api.DeveloperStats;
import camera.deferred.internal.development.DevelopmentLane;

/**
 * The lanes phase 2 runs on and what each did: jobs running and completed, their average time. The one owner of
 * those counts, by lane name, so a node that goes and comes back keeps its own. Thread-safe without the
 * {@link JobTable}'s lock, which reads it while it picks a job for a lane.
 */
final class DevelopmentLanes {
	private final Map<String, Record> byName = new ConcurrentHashMap<>();

	private static final class Record {
		final String name;
		final AtomicInteger running = new AtomicInteger();
		final LongAdder completed = new LongAdder();
		final LongAdder completedMillis = new LongAdder();
		volatile DevelopmentLane lane;

		Record(String name) {
			this.name = name;
		}

		double averageMillis() {
			long count = completed.sum();
			return count == 0 ? Double.NaN : (double) completedMillis.sum() / count;
		}
	}

	private Record record(DevelopmentLane lane) {
		return byName.computeIfAbsent(lane.name(), Record::new);
	}

	/** The lane takes jobs from now on. */
	void open(DevelopmentLane lane) {
		record(lane).lane = lane;
	}

	/** The lane takes no more jobs; its counts stay. */
	void close(DevelopmentLane lane) {
		Record record = record(lane);
		if (record.lane == lane) {
			record.lane = null;
		}
	}

	boolean isOpen(DevelopmentLane lane) {
		return record(lane).lane == lane;
	}

	void started(DevelopmentLane lane) {
		record(lane).running.incrementAndGet();
	}

	/** @param completed whether the job completed; only completed jobs count into the average */
	void finished(DevelopmentLane lane, long millis, boolean completed) {
		Record record = record(lane);
		record.running.decrementAndGet();
		if (completed) {
			record.completed.increment();
			record.completedMillis.add(millis);
		}
	}

	/**
	 * A HIGH job goes where it would finish first: to this lane unless another open lane is expected to finish it
	 * sooner. A lane's expected time is its average job time, stretched by the share of its slots already busy
	 * (a job there waits for one); a lane not measured yet counts as the average of those that are.
	 */
	boolean finishesHighFirst(DevelopmentLane lane) {
		List<Record> open = byName.values().stream().filter(record -> record.lane != null).toList();
		double measured = open.stream().mapToDouble(Record::averageMillis).filter(Double::isFinite).average()
			.orElse(1);
		double mine = expectedMillis(record(lane), measured);
		return open.stream().allMatch(other -> expectedMillis(other, measured) >= mine);
	}

	private static double expectedMillis(Record record, double unmeasured) {
		DevelopmentLane lane = record.lane;
		int slots = lane == null ? 1 : Math.max(1, lane.slots());
		double average = Double.isFinite(record.averageMillis()) ? record.averageMillis() : unmeasured;
		return average * (1 + (double) record.running.get() / slots);
	}

	/** @return each lane that ever ran, this machine's first, then by name */
	List<DeveloperStats> stats() {
		List<DeveloperStats> stats = new ArrayList<>();
		for (Record record : byName.values()) {
			DevelopmentLane lane = record.lane;
			double average = record.averageMillis();
			stats.add(new DeveloperStats(record.name, lane != null, lane == null ? 0 : lane.slots(),
					record.running.get(), record.completed.sum(), Double.isFinite(average) ? average : 0));
		}
		stats.sort(Comparator.comparing((DeveloperStats s) -> !s.name().equals(DevelopmentLane.LOCAL))
			.thenComparing(DeveloperStats::name));
		return stats;
	}
}
