package camera.runtime.internal.log;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import media.library.DataDirectory;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.osgi.service.log.admin.LoggerAdmin;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The platform's log where a user finds it: every entry the OSGi Log Service records goes to
 * {@code <darkroom.data>/log/darkroom.log} (rotated by size), and warnings and errors also to the console's
 * error stream in one line. Which entries are kept is the Log Admin's business: its configuration (PID
 * {@code org.osgi.service.log.admin}, shipped in the distribution's {@code conf/}) sets the level per logger.
 * The Log Service applies it to what bundles log; the framework's events (logger names {@code Events.Bundle.*},
 * {@code Events.Service.*}, {@code Events.Framework.*}) it records regardless, so this component checks every
 * entry against the same levels. Entries recorded before this component started are taken from the Log
 * Service's history, so the start-up of the bundles below it is in the file too.
 */
@Component(immediate = true)
@Designate(ocd = PlatformLog.Files.class)
public final class PlatformLog implements LogListener {
	/** The log files' configuration. */
	@ObjectClassDefinition(pid = "camera.runtime.log", name = "Darkroom log files",
			description = "Where the platform's log is written; the levels are the Log Admin's configuration"
					+ " (PID org.osgi.service.log.admin).")
	public @interface Files {
		@AttributeDefinition(name = "File size (KiB)", description = "Size past which darkroom.log is renamed"
				+ " darkroom.log.1 and a new file begins.", min = "16")
		int fileSizeKilobytes() default 1024;

		@AttributeDefinition(name = "Earlier files", description = "How many rotated files to keep"
				+ " (darkroom.log.1 is the newest).", min = "1")
		int keptFiles() default 5;

		@AttributeDefinition(name = "Console level", description = "Entries at this level or more severe are"
				+ " also printed on the console's error stream.", options = {
						@org.osgi.service.metatype.annotations.Option(label = "ERROR", value = "ERROR"),
						@org.osgi.service.metatype.annotations.Option(label = "WARN", value = "WARN"),
						@org.osgi.service.metatype.annotations.Option(label = "INFO", value = "INFO") })
		String consoleLevel() default "WARN";
	}

	static final String FILE_NAME = "darkroom.log";

	private final LogReaderService logReader;
	private final LoggerAdmin loggerAdmin;
	private final RotatingFile file;
	private final LogLevel consoleLevel;
	private final PrintStream console = System.err;
	private long lastSequence = -1;

	@Activate
	public PlatformLog(BundleContext context, Files files, @Reference LogReaderService logReader,
			@Reference LoggerAdmin loggerAdmin) throws IOException {
		this.logReader = logReader;
		this.loggerAdmin = loggerAdmin;
		this.consoleLevel = LogLevel.valueOf(files.consoleLevel());
		Path directory = DataDirectory.of(context).resolve("log");
		this.file = new RotatingFile(directory.resolve(FILE_NAME), files.fileSizeKilobytes() * 1024L,
				files.keptFiles());
		synchronized (this) {
			logReader.addLogListener(this);
			// entries that arrive meanwhile wait for the lock and are not repeated
			writeHistory();
		}
	}

	@Override
	public synchronized void logged(LogEntry entry) {
		write(entry);
	}

	@Deactivate
	synchronized void deactivate() throws IOException {
		logReader.removeLogListener(this);
		// the Log Service delivers to listeners on a thread of its own: what it has not delivered yet is in its history
		writeHistory();
		file.close();
	}

	/** Writes the entries of the Log Service's history (newest first) not written yet, oldest first. */
	private void writeHistory() {
		List<LogEntry> history = Collections.list(logReader.getLog());
		Collections.reverse(history);
		history.forEach(this::write);
	}

	private void write(LogEntry entry) {
		if (entry.getSequence() <= lastSequence) {
			return;
		}
		lastSequence = entry.getSequence();
		if (!enabled(entry)) {
			return;
		}
		if (entry.getLogLevel().ordinal() <= consoleLevel.ordinal()) {
			console.println(LogLine.forConsole(entry));
		}
		try {
			file.append(LogLine.forFile(entry));
		} catch (UncheckedIOException e) {
			// the log cannot log its own failure: the console is where it is seen
			console.println("darkroom: cannot write the log file: " + e.getCause());
		}
	}

	private boolean enabled(LogEntry entry) {
		Bundle bundle = entry.getBundle();
		LogLevel level = loggerAdmin.getLoggerContext(bundle == null ? null : bundle.getSymbolicName())
				.getEffectiveLogLevel(entry.getLoggerName());
		return level.implies(entry.getLogLevel());
	}

}
