package camera.deferred.internal.schedule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the one-line attribute files of Linux sysfs classes; a missing class or attribute is simply absent. */
final class SysfsReader {
	private final Path classDirectory;

	SysfsReader(Path classDirectory) {
		this.classDirectory = classDirectory;
	}

	/** @return the devices of the class whose name starts with the prefix, or none when the class is absent */
	List<Path> devices(String prefix) throws IOException {
		List<Path> devices = new ArrayList<>();
		if (!Files.isDirectory(classDirectory)) {
			return devices;
		}
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(classDirectory, prefix + "*")) {
			entries.forEach(devices::add);
		}
		return devices;
	}

	/** @return the trimmed content of an attribute, if the device has it */
	static Optional<String> attribute(Path device, String name) throws IOException {
		Path file = device.resolve(name);
		if (!Files.isReadable(file)) {
			return Optional.empty();
		}
		return Optional.of(Files.readString(file, StandardCharsets.US_ASCII).trim());
	}
}
