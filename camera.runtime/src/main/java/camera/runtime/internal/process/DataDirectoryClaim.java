package camera.runtime.internal.process;

import java.nio.file.Path;

import org.osgi.annotation.bundle.Header;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

import media.library.DataDirectory;
import media.library.MediaLibraryErrorCode;
import media.library.MediaLibraryException;

/**
 * Claims the data directory for this process before any part of the platform starts, so that a second process on
 * the same directory refuses to start with one line instead of starting a platform whose every part fails. An
 * activator, not a component: it must run at a start level below the component runtime's. The claim is released
 * when the bundle stops, after the platform, which shares it while it runs.
 */
@Header(name = Constants.BUNDLE_ACTIVATOR, value = "${@class}")
public final class DataDirectoryClaim implements BundleActivator {
	/** The exit status of a process that could not have its data directory. */
	static final int REFUSED = 1;

	private DataDirectory.Hold hold;

	@Override
	public void start(BundleContext context) {
		Path directory = DataDirectory.of(context);
		try {
			hold = DataDirectory.hold(directory);
		} catch (MediaLibraryException e) {
			String hint = e.errorCode() == MediaLibraryErrorCode.BUSY
					? " (stop it first, or start with -D" + DataDirectory.PROPERTY + "=<another directory>)"
					: "";
			System.err.println("darkroom: " + e.getMessage() + hint);
			System.err.flush();
			// Nothing of the platform has started and nothing is written: the JVM ends at once, without the shutdown
			// hooks that would wait for a framework still starting on this very thread.
			Runtime.getRuntime().halt(REFUSED);
		}
	}

	@Override
	public void stop(BundleContext context) {
		if (hold != null) {
			hold.close();
		}
	}
}
