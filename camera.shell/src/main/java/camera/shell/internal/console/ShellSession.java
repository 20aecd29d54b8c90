package camera.shell.internal.console;

import java.io.Console;
import java.nio.file.Path;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Process;

/** What a command learns about the Gogo session it runs in. */
public final class ShellSession {
	/** The session variable where the Gogo JLine shell keeps its terminal. */
	private static final String TERMINAL = ".terminal";

	private ShellSession() {
	}

	/** @return the directory relative paths start from: the session's, else the process's */
	public static Path currentDirectory(CommandSession session) {
		Path current = session == null ? null : session.currentDir();
		return current != null ? current : Path.of("").toAbsolutePath();
	}

	/** @return whether the command's output goes straight to a terminal, not into a pipe, file or test stream */
	public static boolean printsToTerminal(CommandSession session) {
		Process process = Process.Utils.current();
		// Gogo calls its JLine console a tty even when the JVM's input and output are pipes
		Console console = System.console();
		return session != null && session.get(TERMINAL) != null && process != null && process.isTty(1)
				&& console != null && console.isTerminal();
	}
}
