package camera.shell.internal.deferred;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import camera.api.DeferredStats;
import camera.api.DeveloperStats;
import camera.api.JobPriority;
import camera.shell.internal.console.Table;
import camera.shell.internal.console.Table.Column;

/** How {@code deferred:stats} shows the state of deferred processing. */
final class StatsReport {
	private StatsReport() {
	}

	/**
	 * Prints the statistics as a two-column table, the conditions in name order, then one row per development
	 * service ({@code developer <name>}: completed jobs, their average time, slots, running, availability).
	 *
	 * @param noFormat tab-separated rows without header, for scripts
	 */
	static void print(DeferredStats stats, PrintStream out, boolean noFormat) {
		Table table = Table.of(Column.left("WHAT"), Column.left("VALUE"));
		table.row("state", stats.paused() ? "paused" : "running");
		for (JobPriority priority : JobPriority.values()) {
			table.row("queued " + priority.name().toLowerCase(Locale.ROOT),
					stats.queued().getOrDefault(priority, 0));
		}
		table.row("running", stats.running())
			.row("completed", stats.completed())
			.row("failed", stats.failed())
			.row("damaged spools, fast kept", stats.damaged())
			.row("phase 2 p50 / p99", millis(stats.phase2P50Ms()) + " / " + millis(stats.phase2P99Ms()))
			.row("queue wait p50 / p99", millis(stats.queueP50Ms()) + " / " + millis(stats.queueP99Ms()))
			.row("jpeg codec", stats.jpegCodec())
			.row("spool bytes", stats.spoolBytes())
			.row("spool-full fallbacks", stats.fallbacks());
		for (Map.Entry<String, Boolean> condition : new TreeMap<>(stats.conditions()).entrySet()) {
			table.row("condition " + condition.getKey(), condition.getValue() ? "holds" : "blocks");
		}
		for (DeveloperStats developer : stats.developers()) {
			table.row("developer " + developer.name(), developer(developer));
		}
		table.print(out, noFormat, "");
	}

	/** Words and numbers separated by spaces, so that a script splits them as it splits the name. */
	static String developer(DeveloperStats developer) {
		return String.format(Locale.ROOT, "completed %d average-ms %.1f slots %d running %d %s",
				developer.completed(), developer.averageMs(), developer.slots(), developer.running(),
				developer.available() ? "available" : "away");
	}

	private static String millis(double value) {
		return String.format(Locale.ROOT, "%.1f ms", value);
	}
}
