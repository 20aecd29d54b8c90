package camera.itest.shell;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;

/**
 * Runs one command line in a fresh Gogo session with in-memory streams, the way a user's shell would: with the
 * command search path of the stock shell profile ({@code SCOPE = gogo:*}), so that a name in several scopes
 * ({@code help}) resolves as it does at the prompt.
 */
final class GogoShell {
	private final CommandProcessor processor;

	GogoShell(CommandProcessor processor) {
		this.processor = processor;
	}

	/**
	 * What a command line printed.
	 *
	 * @param out     its standard output
	 * @param err     its error output
	 * @param failure what Gogo threw, or {@code null} (a command must never make Gogo throw)
	 */
	record Result(String out, String err, Exception failure) {
		/** @return the non-empty lines of the standard output */
		java.util.List<String> lines() {
			return out.lines().filter(l -> !l.isBlank()).toList();
		}

		@Override
		public String toString() {
			return "out: " + out + "\nerr: " + err + "\nfailure: " + rootCause();
		}

		private String rootCause() {
			if (failure == null) {
				return "none";
			}
			Throwable cause = failure;
			while (cause.getCause() != null) {
				cause = cause.getCause();
			}
			java.io.StringWriter trace = new java.io.StringWriter();
			cause.printStackTrace(new java.io.PrintWriter(trace));
			return trace.toString();
		}
	}

	Result run(String commandLine) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		Exception failure = null;
		try (CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]), out, err)) {
			session.put("SCOPE", "gogo:*");
			session.execute(commandLine);
		} catch (Exception e) {
			failure = e;
		}
		return new Result(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), failure);
	}
}
