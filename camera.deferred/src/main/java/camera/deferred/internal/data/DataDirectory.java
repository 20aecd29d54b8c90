package camera.deferred.internal.data;

import java.nio.file.Path;

import org.osgi.framework.BundleContext;

/** Where Darkroom keeps its data: the framework property {@code darkroom.data}, by default {@code data}. */
public final class DataDirectory {
	public static final String PROPERTY = "darkroom.data";

	private DataDirectory() {
	}

	/** @return the data directory as an absolute path */
	public static Path of(BundleContext context) {
		String configured = context.getProperty(PROPERTY);
		return Path.of(configured == null || configured.isBlank() ? "data" : configured).toAbsolutePath();
	}

	/** @return the directory of the deferred engine's own files */
	public static Path deferred(Path dataDirectory) {
		return dataDirectory.resolve("deferred");
	}
}
