package camera.shell.internal.deferred;

import java.io.PrintStream;

/**
 * One line on a terminal that each update overwrites. It uses only a carriage return and spaces, which even
 * JLine's dumb terminal understands, where an ANSI erase would print as text.
 */
final class ProgressLine {
	private final PrintStream terminal;
	private int shown;

	/** @param terminal where to show the line, or {@code null} to show nothing */
	ProgressLine(PrintStream terminal) {
		this.terminal = terminal;
	}

	void show(String text) {
		if (terminal != null) {
			terminal.print("\r" + text + " ".repeat(Math.max(0, shown - text.length())));
			terminal.flush();
			shown = text.length();
		}
	}

	/** Removes the line so that the next output starts on a clean line. */
	void clear() {
		if (terminal != null && shown > 0) {
			terminal.print("\r" + " ".repeat(shown) + "\r");
			terminal.flush();
			shown = 0;
		}
	}
}
