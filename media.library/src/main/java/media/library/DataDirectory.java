package media.library;

import java.nio.file.Path;

import org.osgi.framework.BundleContext;

/**
 * Where Darkroom keeps its data: the framework property {@value #PROPERTY}, {@value #DEFAULT} (relative to the
 * working directory) when it is unset or blank. The one place that resolves it; each bundle keeps its files in
 * a folder of its own under it ({@code media} for the library, {@code deferred} for the deferred engine), and
 * nothing is written outside it. Stateless and thread-safe.
 */
public final class DataDirectory {
	/** The framework property naming the data directory. */
	public static final String PROPERTY = "darkroom.data";
	/** The data directory when {@link #PROPERTY} is unset or blank. */
	public static final String DEFAULT = "data";

	private DataDirectory() {
	}

	/**
	 * @param context any bundle's context, to read the framework property
	 * @return the data directory the framework is configured with, absolute and normalised; it may not exist yet
	 */
	public static Path of(BundleContext context) {
		return resolve(context.getProperty(PROPERTY));
	}

	/**
	 * @param configured the value of {@link #PROPERTY}, may be {@code null}
	 * @return the data directory that value names, absolute and normalised; {@link #DEFAULT} for {@code null} or
	 *         blank
	 */
	public static Path resolve(String configured) {
		String path = configured == null || configured.isBlank() ? DEFAULT : configured;
		return Path.of(path).toAbsolutePath().normalize();
	}
}
