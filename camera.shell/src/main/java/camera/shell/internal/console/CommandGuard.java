package camera.shell.internal.console;

import java.io.PrintStream;

import camera.api.CameraException;
import media.library.MediaLibraryException;

import org.osgi.service.log.Logger;

/**
 * Runs the body of a command so that every failure ends as one readable line on the error stream and the shell
 * lives on: a {@link CommandFailure} prints its message, a camera or media library exception prints
 * {@code error <code>: <message>}, and anything unexpected is logged with its stack trace and reported in one
 * line.
 */
public final class CommandGuard {
	private final Logger log;

	public CommandGuard(Logger log) {
		this.log = log;
	}

	/** A command body; it prints its results itself. */
	@FunctionalInterface
	public interface Body {
		void run() throws InterruptedException;
	}

	/**
	 * Runs the body and reports its failure on {@code err}.
	 *
	 * @param command the command's name, for the log
	 */
	public void run(String command, PrintStream err, Body body) {
		try {
			body.run();
		} catch (CommandFailure e) {
			report(err, e.getMessage());
		} catch (CameraException e) {
			report(err, errorLine(e.errorCode().code(), e.getMessage()));
		} catch (MediaLibraryException e) {
			report(err, errorLine(e.errorCode().code(), e.getMessage()));
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			report(err, command + " interrupted");
		} catch (RuntimeException e) {
			log.error("{} failed", command, e);
			report(err, command + " failed: " + e + " (the log has the details)");
		}
	}

	/**
	 * Prints a failure's line; in a run that stops at its first failure ({@link FailFast}) throws it instead, for
	 * Gogo to print and to tell {@link FailFast}.
	 */
	public static void report(PrintStream err, String line) {
		if (FailFast.isOn()) {
			throw new CommandFailure(line);
		}
		err.println(line);
	}

	static String errorLine(int code, String message) {
		return "error " + code + ": " + message;
	}
}
