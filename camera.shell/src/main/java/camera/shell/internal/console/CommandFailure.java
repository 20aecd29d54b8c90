package camera.shell.internal.console;

/**
 * A command cannot do what was asked: bad input, a missing service, a timeout. Its message is the one line the
 * user reads; whatever raised it has changed nothing.
 */
public final class CommandFailure extends RuntimeException {
	private static final long serialVersionUID = 1L;

	public CommandFailure(String message) {
		super(message);
	}

	/** The message alone: Gogo prints a command's exception with its {@code toString}, and a person reads it. */
	@Override
	public String toString() {
		return getMessage();
	}
}
