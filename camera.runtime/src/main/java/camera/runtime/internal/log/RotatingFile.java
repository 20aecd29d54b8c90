package camera.runtime.internal.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A text file that is renamed aside once it grows past a size: {@code name} is the current file,
 * {@code name.1} the one before, up to {@code name.<kept>}; the oldest is deleted. Not thread-safe: its owner
 * serialises the calls.
 */
final class RotatingFile implements AutoCloseable {
	private final Path file;
	private final long maxBytes;
	private final int kept;
	private Writer writer;
	private long size;

	/**
	 * @param file the current file; its directory is created when missing
	 * @param maxBytes the size past which the file is rotated
	 * @param kept how many earlier files to keep, at least 1
	 */
	RotatingFile(Path file, long maxBytes, int kept) throws IOException {
		this.file = file;
		this.maxBytes = maxBytes;
		this.kept = Math.max(1, kept);
		Files.createDirectories(file.getParent());
		open();
	}

	/** Appends the text and flushes it; rotates first when the text would take the file past its size. */
	void append(String text) {
		try {
			long bytes = text.getBytes(StandardCharsets.UTF_8).length;
			if (size > 0 && size + bytes > maxBytes) {
				rotate();
			}
			writer.write(text);
			writer.flush();
			size += bytes;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void close() throws IOException {
		writer.close();
	}

	private void open() throws IOException {
		writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
				StandardOpenOption.APPEND);
		size = Files.size(file);
	}

	private void rotate() throws IOException {
		writer.close();
		Files.deleteIfExists(numbered(kept));
		for (int n = kept - 1; n >= 1; n--) {
			if (Files.exists(numbered(n))) {
				Files.move(numbered(n), numbered(n + 1), StandardCopyOption.REPLACE_EXISTING);
			}
		}
		Files.move(file, numbered(1), StandardCopyOption.REPLACE_EXISTING);
		open();
	}

	private Path numbered(int n) {
		return file.resolveSibling(file.getFileName() + "." + n);
	}
}
