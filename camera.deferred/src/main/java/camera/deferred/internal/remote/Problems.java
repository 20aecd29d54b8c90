package camera.deferred.internal.remote;

/** One readable line for a failed remote call: its message and that of its first cause, without class names. */
final class Problems {
	private Problems() {
	}

	static String describe(Throwable failure) {
		String message = failure.getMessage() == null ? "the call failed" : failure.getMessage();
		Throwable cause = failure.getCause();
		if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
			message += " (" + cause.getMessage() + ")";
		}
		return message;
	}
}
