package camera.node.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** What the node has done since it started, for {@code node:stats}. Thread-safe; the one owner of these counts. */
final class NodeStatistics {
	private final LongAdder developed = new LongAdder();
	private final LongAdder failed = new LongAdder();
	private final LongAdder refused = new LongAdder();
	private final LongAdder bytesIn = new LongAdder();
	private final LongAdder bytesOut = new LongAdder();
	private final LongAdder developMillis = new LongAdder();
	private final AtomicInteger running = new AtomicInteger();
	private final AtomicInteger waiting = new AtomicInteger();

	/** A snapshot of the counts. */
	record Snapshot(long developed, long failed, long refused, long bytesIn, long bytesOut, double averageMillis,
			int running, int waiting) {
	}

	void refused() {
		refused.increment();
	}

	void received(long bytes) {
		bytesIn.add(bytes);
	}

	void waiting(int delta) {
		waiting.addAndGet(delta);
	}

	void running(int delta) {
		running.addAndGet(delta);
	}

	void developed(long millis, long bytes) {
		developed.increment();
		developMillis.add(millis);
		bytesOut.add(bytes);
	}

	void failed() {
		failed.increment();
	}

	Snapshot snapshot() {
		long count = developed.sum();
		return new Snapshot(count, failed.sum(), refused.sum(), bytesIn.sum(), bytesOut.sum(),
				count == 0 ? 0 : (double) developMillis.sum() / count, running.get(), waiting.get());
	}
}
