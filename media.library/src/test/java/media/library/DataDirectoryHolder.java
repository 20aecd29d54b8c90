package media.library;

import java.io.IOException;
import java.nio.file.Path;

/** A second process for the tests: holds the data directory named by its argument until its input ends. */
public final class DataDirectoryHolder {
	private DataDirectoryHolder() {
	}

	public static void main(String[] arguments) throws IOException {
		try (DataDirectory.Hold hold = DataDirectory.hold(Path.of(arguments[0]))) {
			System.out.println("held");
			System.out.flush();
			while (System.in.read() >= 0) {
				// wait for the end of input
			}
		}
	}
}
