package camera.bench.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The results of one {@code camera:bench} run: {@code key=value} lines for scripts, or a table for people.
 * Values that could not be measured print as {@code n/a}.
 */
final class BenchReport {
	private record Line(String key, String label, double value, String unit) {
	}

	private final String heading;
	private final List<Line> lines = new ArrayList<>();

	/** @param heading what was measured on what, printed above the table only */
	BenchReport(String heading) {
		this.heading = heading;
	}

	BenchReport add(String key, String label, double value, String unit) {
		lines.add(new Line(key, label, value, unit));
		return this;
	}

	void printKeyValues(PrintStream out) {
		for (Line line : lines) {
			out.println(line.key() + "=" + number(line.value()));
		}
	}

	void printTable(PrintStream out) {
		int labelWidth = "MEASURE".length();
		int valueWidth = "VALUE".length();
		for (Line line : lines) {
			labelWidth = Math.max(labelWidth, line.label().length());
			valueWidth = Math.max(valueWidth, number(line.value()).length());
		}
		String format = "%-" + labelWidth + "s  %" + valueWidth + "s  %s%n";
		out.println(heading);
		out.printf(format, "MEASURE", "VALUE", "UNIT");
		for (Line line : lines) {
			out.printf(format, line.label(), number(line.value()), line.unit());
		}
	}

	private static String number(double value) {
		if (Double.isNaN(value)) {
			return "n/a";
		}
		return String.format(Locale.ROOT, Math.abs(value) < 10 ? "%.3f" : "%.1f", value);
	}
}
