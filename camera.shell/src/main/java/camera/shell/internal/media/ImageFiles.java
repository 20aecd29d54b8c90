package camera.shell.internal.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import camera.shell.internal.console.CommandFailure;

/**
 * Writes an image where the user asked: the path is resolved against the shell's current directory, the file
 * must not exist yet, and it appears whole or not at all.
 */
public final class ImageFiles {
	private ImageFiles() {
	}

	/**
	 * Checks a target before anything is requested, so that a bad path changes nothing.
	 *
	 * @return the absolute, normalized target
	 * @throws CommandFailure when the path is empty, malformed, already taken, or its directory is missing
	 */
	public static Path target(Path currentDirectory, String file) {
		if (file.isBlank()) {
			throw new CommandFailure("missing file name to write the image to");
		}
		Path target;
		try {
			target = currentDirectory.resolve(file).toAbsolutePath().normalize();
		} catch (InvalidPathException e) {
			throw new CommandFailure("not a file name: '" + file + "': " + e.getReason());
		}
		if (Files.exists(target)) {
			throw new CommandFailure("not overwriting " + target + ": it exists");
		}
		Path directory = target.getParent();
		if (directory == null || !Files.isDirectory(directory)) {
			throw new CommandFailure("cannot write " + target + ": no directory " + directory);
		}
		return target;
	}

	/**
	 * Writes the bytes next to the target and moves them over it in one step.
	 *
	 * @throws CommandFailure when the file system refuses
	 */
	public static void write(Path target, byte[] bytes) {
		Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
		try {
			Files.write(partial, bytes);
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
		} catch (IOException e) {
			deletePartial(partial, e);
			throw new CommandFailure("cannot write " + target + ": " + e);
		}
	}

	private static void deletePartial(Path partial, IOException cause) {
		try {
			Files.deleteIfExists(partial);
		} catch (IOException e) {
			cause.addSuppressed(e);
		}
	}
}
