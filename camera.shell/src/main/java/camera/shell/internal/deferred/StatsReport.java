package camera.shell.internal.deferred;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import camera.api.DeferredStats;
import camera.api.JobPriority;
import camera.shell.internal.console.Table;
import camera.shell.internal.console.Table.Column;

/** How {@code deferred:stats} shows the state of deferred processing. */
final class StatsReport {
	private StatsReport() {
	}

	/** Prints the statistics as a two-column table, the conditions in name order. */
	static void print(DeferredStats stats, PrintStream out) {
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
		table.print(out, "");
	}

	private static String millis(double value) {
		return String.format(Locale.ROOT, "%.1f ms", value);
	}
}
