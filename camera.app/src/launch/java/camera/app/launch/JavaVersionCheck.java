package camera.app.launch;

import java.lang.reflect.InvocationTargetException;

/**
 * The executable jar's entry point (its {@code Main-Class}, see darkroom.bndrun): on a Java older than the
 * platform needs it says so in one line and exits 1, where the bnd launcher would start the framework and print
 * one resolution error per bundle; on Java 25 it hands over to the bnd launcher. Compiled for Java 11, so that an
 * older Java can run it.
 */
public final class JavaVersionCheck {
	private static final int NEEDED = 25;
	private static final String BND_LAUNCHER = "aQute.launcher.pre.EmbeddedLauncher";

	private JavaVersionCheck() {
	}

	public static void main(String[] args) throws Throwable {
		int running = Runtime.version().feature();
		if (running < NEEDED) {
			System.err.println("darkroom needs Java " + NEEDED + " or newer; this is Java " + running + " at "
					+ System.getProperty("java.home") + " (run camera.app/bin/darkroom with JAVA_HOME at a JDK " + NEEDED + ").");
			System.exit(1);
		}
		try {
			Class.forName(BND_LAUNCHER).getMethod("main", String[].class).invoke(null, (Object) args);
		} catch (InvocationTargetException e) {
			throw e.getCause();
		}
	}
}
