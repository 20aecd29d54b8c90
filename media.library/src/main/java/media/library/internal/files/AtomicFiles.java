package media.library.internal.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes files so that a reader, or the disk after a crash, sees the old content or the new one, never a mix:
 * the new content goes to a staging file beside the target, is synced, and is renamed over the target; then the
 * folder is synced so that the rename itself is durable.
 */
public final class AtomicFiles {
	private final LibraryPaths paths;

	public AtomicFiles(LibraryPaths paths) {
		this.paths = paths;
	}

	/** Replaces (or creates) {@code target} with {@code content}, atomically and durably. */
	public void write(Path target, byte[] content) throws IOException {
		Path staged = stage(target, content);
		commit(staged, target);
	}

	/** Writes {@code content} to a synced staging file beside {@code target}; the target is untouched. */
	public Path stage(Path target, byte[] content) throws IOException {
		Files.createDirectories(target.getParent());
		Path staged = paths.stagingFile(target, UUID.randomUUID().toString());
		try (FileChannel channel = FileChannel.open(staged, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
			ByteBuffer buffer = ByteBuffer.wrap(content);
			while (buffer.hasRemaining()) {
				channel.write(buffer);
			}
			channel.force(true);
		} catch (IOException e) {
			discard(staged, e);
			throw e;
		}
		return staged;
	}

	/** Copies {@code source} to a synced staging file beside {@code target}; the target is untouched. */
	public Path stage(Path target, Path source) throws IOException {
		Files.createDirectories(target.getParent());
		Path staged = paths.stagingFile(target, UUID.randomUUID().toString());
		try (InputStream in = Files.newInputStream(source);
				FileChannel channel = FileChannel.open(staged, StandardOpenOption.CREATE_NEW,
						StandardOpenOption.WRITE)) {
			byte[] chunk = new byte[1 << 16];
			for (int n; (n = in.read(chunk)) > 0;) {
				ByteBuffer buffer = ByteBuffer.wrap(chunk, 0, n);
				while (buffer.hasRemaining()) {
					channel.write(buffer);
				}
			}
			channel.force(true);
		} catch (IOException e) {
			discard(staged, e);
			throw e;
		}
		return staged;
	}

	/** Renames a staged file over its target and syncs the folder. */
	public void commit(Path staged, Path target) throws IOException {
		Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		syncDirectory(target.getParent());
	}

	/** Makes the entries of a folder (creations, renames, deletions) durable. */
	public static void syncDirectory(Path directory) throws IOException {
		try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
			channel.force(true);
		}
	}

	/** Removes a staging file after a failure, keeping the failure as the error that counts. */
	private static void discard(Path staged, IOException failure) {
		try {
			Files.deleteIfExists(staged);
		} catch (IOException e) {
			failure.addSuppressed(e);
		}
	}
}
