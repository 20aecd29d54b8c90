package media.library;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

import org.osgi.framework.BundleContext;

/**
 * Where Darkroom keeps its data: the framework property {@value #PROPERTY}, {@value #DEFAULT} (relative to the
 * working directory) when it is unset or blank. The one place that resolves it; each bundle keeps its files in
 * a folder of its own under it ({@code media} for the library, {@code deferred} for the deferred engine), and
 * nothing is written outside it. One process at a time uses a data directory ({@link #hold}). Thread-safe.
 */
public final class DataDirectory {
	/** The framework property naming the data directory. */
	public static final String PROPERTY = "darkroom.data";
	/** The data directory when {@link #PROPERTY} is unset or blank. */
	public static final String DEFAULT = "data";

	/** The file in the data directory that the process using it locks. */
	public static final String LOCK_FILE = "darkroom.lock";

	private static final Map<Path, Holding> HELD = new HashMap<>();

	private DataDirectory() {
	}

	/** The data directory taken by this process; closing the last hold of a directory releases it. */
	public interface Hold extends AutoCloseable {
		@Override
		void close();
	}

	/**
	 * Takes the data directory for this process, so that no second process runs on it: the first hold in the
	 * process locks {@value #LOCK_FILE} in it (an operating-system lock, which the system releases however the
	 * process ends, {@code kill -9} included) and writes its process id there; later holds in the same process
	 * share that lock. Thread-safe.
	 *
	 * @throws MediaLibraryException BUSY, naming the other process, when another process holds the directory;
	 *                               IO_ERROR when the lock file cannot be written
	 */
	public static Hold hold(Path directory) {
		Path root = directory.toAbsolutePath().normalize();
		synchronized (HELD) {
			Holding holding = HELD.get(root);
			if (holding == null) {
				holding = Holding.take(root);
				HELD.put(root, holding);
			}
			holding.holders++;
			Holding taken = holding;
			return new Hold() {
				private boolean closed;

				@Override
				public void close() {
					synchronized (HELD) {
						if (!closed) {
							closed = true;
							if (--taken.holders == 0) {
								HELD.remove(root);
								taken.release();
							}
						}
					}
				}
			};
		}
	}

	private static final class Holding {
		private final FileChannel channel;
		private final FileLock lock;
		private int holders;

		private Holding(FileChannel channel, FileLock lock) {
			this.channel = channel;
			this.lock = lock;
		}

		static Holding take(Path root) {
			Path file = root.resolve(LOCK_FILE);
			FileChannel channel = null;
			try {
				Files.createDirectories(root);
				channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
						StandardOpenOption.WRITE);
				FileLock lock = channel.tryLock();
				if (lock == null) {
					String other = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).strip();
					channel.close();
					throw new MediaLibraryException(MediaLibraryErrorCode.BUSY, "the data directory " + root
							+ " is in use by another process" + (other.matches("\\d{1,10}") ? " (pid " + other + ")" : "")
							+ "; one process per data directory");
				}
				channel.truncate(0);
				channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid())
					.getBytes(StandardCharsets.US_ASCII)), 0);
				channel.force(true);
				return new Holding(channel, lock);
			} catch (IOException e) {
				closeQuietly(channel, e);
				throw new MediaLibraryException(MediaLibraryErrorCode.IO_ERROR,
						"the data directory " + root + " cannot be locked: " + e.getMessage(), e);
			}
		}

		void release() {
			try {
				lock.release();
				channel.close();
			} catch (IOException e) {
				// The system releases the lock when the channel or the process goes; nothing is left to undo.
			}
		}

		private static void closeQuietly(FileChannel channel, IOException cause) {
			if (channel != null) {
				try {
					channel.close();
				} catch (IOException e) {
					cause.addSuppressed(e);
				}
			}
		}
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
