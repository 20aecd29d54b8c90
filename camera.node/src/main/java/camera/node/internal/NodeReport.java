package camera.node.internal;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

import camera.develop.remote.NodeAddress;

/** The node as {@code node:stats} shows it: a table of two columns, or tab-separated lines for scripts. */
record NodeReport(String name, NodeAddress listen, boolean serving, int slots, int cores,
		NodeStatistics.Snapshot counts) {

	Map<String, String> rows() {
		Map<String, String> rows = new LinkedHashMap<>();
		rows.put("name", name);
		rows.put("listen", listen.toString());
		rows.put("serving", serving ? "yes" : "no: no usable shared secret");
		rows.put("slots", Integer.toString(slots));
		rows.put("cores", Integer.toString(cores));
		rows.put("running", Integer.toString(counts.running()));
		rows.put("waiting", Integer.toString(counts.waiting()));
		rows.put("developed", Long.toString(counts.developed()));
		rows.put("failed", Long.toString(counts.failed()));
		rows.put("refused", Long.toString(counts.refused()));
		rows.put("bytes in", Long.toString(counts.bytesIn()));
		rows.put("bytes out", Long.toString(counts.bytesOut()));
		rows.put("ms per job", String.format("%.1f", counts.averageMillis()));
		return rows;
	}

	void print(PrintStream out, boolean noFormat) {
		Map<String, String> rows = rows();
		int width = rows.keySet().stream().mapToInt(String::length).max().orElse(0);
		if (!noFormat) {
			out.println(String.format("%-" + width + "s | %s", "NODE", "VALUE"));
			out.println("-".repeat(width + 1) + "+" + "-".repeat(20));
		}
		rows.forEach((key, value) -> out.println(noFormat ? key + "\t" + value
				: String.format("%-" + width + "s | %s", key, value)));
	}
}
