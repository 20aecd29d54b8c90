package camera.shell.internal.console;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** Captures what a piece of shell code prints. */
public final class Printed {
	private Printed() {
	}

	/** @return the text printed to the stream handed to {@code printing} */
	public static String printed(Consumer<PrintStream> printing) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
			printing.accept(out);
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}
}
