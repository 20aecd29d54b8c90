package camera.shell.internal.console;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A listing for the shell, printed like Karaf's tables: a header, a rule, aligned columns, and one line instead
 * of the table when there are no rows; or, for scripts, tab-separated rows without a header. Not thread-safe:
 * one command fills and prints it.
 */
public final class Table {
	private static final String SEPARATOR = " | ";

	private final List<Column> columns;
	private final List<String[]> rows = new ArrayList<>();

	private Table(List<Column> columns) {
		this.columns = List.copyOf(columns);
	}

	/** @return a table with these columns, each left-aligned unless created with {@link Column#right} */
	public static Table of(Column... columns) {
		if (columns.length == 0) {
			throw new IllegalArgumentException("a table needs at least one column");
		}
		return new Table(Arrays.asList(columns));
	}

	/** Adds a row; {@code null} cells print empty. */
	public Table row(Object... cells) {
		if (cells.length != columns.size()) {
			throw new IllegalArgumentException(
					"a row of this table has " + columns.size() + " cells, not " + cells.length);
		}
		rows.add(Arrays.stream(cells).map(Table::cell).toArray(String[]::new));
		return this;
	}

	/** @return whether no row was added */
	public boolean isEmpty() {
		return rows.isEmpty();
	}

	/**
	 * Prints the table aligned, or {@code whenEmpty} alone when it has no rows.
	 */
	public void print(PrintStream out, String whenEmpty) {
		if (rows.isEmpty()) {
			out.println(whenEmpty);
			return;
		}
		int[] widths = widths();
		out.println(line(columns.stream().map(Column::header).toArray(String[]::new), widths));
		out.println(rule(widths));
		rows.forEach(row -> out.println(line(row, widths)));
	}

	/** Prints the rows tab-separated, without header, so that scripts can split them; nothing when empty. */
	public void printUnformatted(PrintStream out) {
		rows.forEach(row -> out.println(String.join("\t", row)));
	}

	/** Prints formatted or not, as the command's {@code --no-format} flag says. */
	public void print(PrintStream out, boolean noFormat, String whenEmpty) {
		if (noFormat) {
			printUnformatted(out);
		} else {
			print(out, whenEmpty);
		}
	}

	private int[] widths() {
		int[] widths = columns.stream().mapToInt(c -> c.header().length()).toArray();
		for (String[] row : rows) {
			for (int i = 0; i < row.length; i++) {
				widths[i] = Math.max(widths[i], row[i].length());
			}
		}
		return widths;
	}

	private String line(String[] cells, int[] widths) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < cells.length; i++) {
			if (i > 0) {
				line.append(SEPARATOR);
			}
			boolean last = i == cells.length - 1;
			line.append(columns.get(i).rightAligned() || !last ? pad(cells[i], widths[i], columns.get(i)) : cells[i]);
		}
		return line.toString();
	}

	private static String pad(String cell, int width, Column column) {
		String padding = " ".repeat(width - cell.length());
		return column.rightAligned() ? padding + cell : cell + padding;
	}

	private static String rule(int[] widths) {
		StringBuilder rule = new StringBuilder();
		for (int i = 0; i < widths.length; i++) {
			if (i > 0) {
				rule.append("-+-");
			}
			rule.append("-".repeat(widths[i]));
		}
		return rule.toString();
	}

	/** Tabs and line breaks inside a value would break both the alignment and the tab-separated form. */
	private static String cell(Object value) {
		return Objects.toString(value, "").replaceAll("\\p{Cntrl}", " ");
	}

	/**
	 * A column of a table.
	 *
	 * @param header       its title
	 * @param rightAligned whether its cells are aligned to the right (numbers)
	 */
	public record Column(String header, boolean rightAligned) {

		/** @return a left-aligned column */
		public static Column left(String header) {
			return new Column(header, false);
		}

		/** @return a right-aligned column, for numbers */
		public static Column right(String header) {
			return new Column(header, true);
		}
	}
}
