package camera.deferred.internal.stats;

import java.util.Arrays;

/**
 * Percentiles over the most recent samples of a duration, in milliseconds. Thread-safe.
 */
public final class Latencies {
	private final double[] window;
	private int next;
	private int count;

	/** @param capacity how many recent samples the percentiles cover */
	public Latencies(int capacity) {
		window = new double[capacity];
	}

	public synchronized void record(double millis) {
		window[next] = millis;
		next = (next + 1) % window.length;
		count = Math.min(count + 1, window.length);
	}

	/**
	 * @param fraction 0..1, e.g. 0.99
	 * @return the nearest-rank percentile, or 0 without samples
	 */
	public synchronized double percentile(double fraction) {
		if (count == 0) {
			return 0;
		}
		double[] sorted = Arrays.copyOf(window, count);
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(fraction * count);
		return sorted[Math.clamp(rank - 1, 0, count - 1)];
	}
}
