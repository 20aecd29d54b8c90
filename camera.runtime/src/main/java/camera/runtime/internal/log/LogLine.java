package camera.runtime.internal.log;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.osgi.framework.Bundle;
import org.osgi.service.log.LogEntry;

/**
 * How one log entry reads: {@code <local time> <LEVEL> [<bundle>] <message>}, in the file followed by the
 * exception's stack trace, on the console by the exception in one line. Stateless and thread-safe.
 */
final class LogLine {
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
			.withZone(ZoneId.systemDefault());

	private LogLine() {
	}

	/** The entry as the file keeps it: one line, then the exception's stack trace if there is one. */
	static String forFile(LogEntry entry) {
		StringBuilder text = new StringBuilder(head(entry)).append(System.lineSeparator());
		Throwable exception = entry.getException();
		if (exception != null) {
			StringWriter trace = new StringWriter();
			exception.printStackTrace(new PrintWriter(trace));
			text.append(trace);
		}
		return text.toString();
	}

	/** The entry as the console shows it: one line. */
	static String forConsole(LogEntry entry) {
		Throwable exception = entry.getException();
		return exception == null ? head(entry) : head(entry) + ": " + exception;
	}

	private static String head(LogEntry entry) {
		return TIME.format(Instant.ofEpochMilli(entry.getTime())) + " " + String.format("%-5s", entry.getLogLevel())
				+ " [" + source(entry) + "] " + entry.getMessage();
	}

	private static String source(LogEntry entry) {
		Bundle bundle = entry.getBundle();
		String name = bundle == null ? null : bundle.getSymbolicName();
		return name == null ? entry.getLoggerName() : name;
	}
}
