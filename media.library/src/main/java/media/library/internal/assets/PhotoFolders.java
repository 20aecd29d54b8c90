package media.library.internal.assets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.osgi.service.log.Logger;

import media.library.internal.files.LibraryPaths;

/** The folders {@code Photo/<id>} as start-up finds them. */
final class PhotoFolders {
	private PhotoFolders() {
	}

	/** @return the asset id a folder name stands for, or {@code null} when it is not one the library makes */
	static Long idOf(String name) {
		long id = LibraryPaths.assetId(name);
		return id < 0 ? null : id;
	}

	/** Removes the staging files of a folder: image writes that never completed. */
	static void removeStagingFiles(Path folder, LibraryPaths paths, Logger log) throws IOException {
		try (Stream<Path> list = Files.list(folder)) {
			for (Path file : list.filter(LibraryPaths::isStagingFile).toList()) {
				log.info("Removing {}, an image write that never completed", paths.root().relativize(file));
				Files.deleteIfExists(file);
			}
		}
	}
}
