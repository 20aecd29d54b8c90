package camera.bench.internal;

import java.util.Arrays;
import java.util.List;

/** Percentiles of measured durations, nearest rank, in milliseconds. */
final class Samples {
	private final double[] sorted;

	private Samples(double[] values) {
		sorted = values.clone();
		Arrays.sort(sorted);
	}

	static Samples ofNanos(List<Long> nanos) {
		return new Samples(nanos.stream().mapToDouble(value -> value / 1e6).toArray());
	}

	/** @return the percentile in milliseconds, NaN when nothing was measured */
	double percentile(double percent) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(percent / 100 * sorted.length);
		return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
	}

	double median() {
		return percentile(50);
	}
}
