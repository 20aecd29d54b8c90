package camera.hal.v4l2.internal.discovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/** The device nodes matching a glob such as {@code /dev/video*}; the glob applies to the file name only. */
final class DeviceNodes implements Supplier<Set<String>> {
	private final Path directory;
	private final String pattern;

	DeviceNodes(String glob) {
		Path path = Path.of(glob);
		if (path.getParent() == null || path.getFileName() == null) {
			throw new IllegalArgumentException("a device glob names a directory and a file pattern, not " + glob);
		}
		this.directory = path.getParent();
		this.pattern = path.getFileName().toString();
	}

	@Override
	public Set<String> get() {
		Set<String> nodes = new TreeSet<>();
		try (DirectoryStream<Path> matches = Files.newDirectoryStream(directory, pattern)) {
			matches.forEach(node -> nodes.add(node.toString()));
		} catch (NoSuchFileException e) {
			return Set.of();
		} catch (IOException e) {
			throw new UncheckedIOException("cannot list " + directory, e);
		}
		return nodes;
	}
}
