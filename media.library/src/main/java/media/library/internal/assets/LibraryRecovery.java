package media.library.internal.assets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.osgi.service.log.Logger;

import media.library.internal.files.AtomicFiles;
import media.library.internal.files.LibraryPaths;
import media.library.internal.files.StorageFailures;
import media.library.internal.store.AssetRow;
import media.library.internal.store.AssetStore;

/**
 * Brings the files in step with the database when the library opens, after whatever stopped it: finishes
 * replacements the database committed, and removes staging files and folders no row owns.
 */
public final class LibraryRecovery {
	private final LibraryPaths paths;
	private final AssetStore store;
	private final Logger log;

	public LibraryRecovery(LibraryPaths paths, AssetStore store, Logger log) {
		this.paths = paths;
		this.store = store;
		this.log = log;
	}

	/** Runs before the library serves anyone. */
	public void recover() {
		try {
			Files.createDirectories(paths.photos());
			Files.createDirectories(paths.thumbnails());
			for (AssetRow row : store.withStagedFiles()) {
				finishReplacement(row);
			}
			removeLeftovers();
		} catch (IOException e) {
			throw StorageFailures.of("recovering the library files", e);
		}
	}

	private void finishReplacement(AssetRow row) throws IOException {
		Path target = paths.imageFile(row.id(), row.displayName());
		Path staged = paths.stagingFileNamed(target, row.stagedFile());
		if (Files.exists(staged)) {
			Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			AtomicFiles.syncDirectory(target.getParent());
			log.info("Finished the interrupted replacement of asset {} by its FULL image", row.id());
		}
		store.clearStaged(row.id());
	}

	private void removeLeftovers() throws IOException {
		Set<Long> ids = new HashSet<>(store.allIds());
		List<Path> folders;
		try (Stream<Path> list = Files.list(paths.photos())) {
			folders = list.toList();
		}
		for (Path folder : folders) {
			Long id = idOf(folder.getFileName().toString());
			if (id == null || !ids.contains(id)) {
				log.info("Removing {}, which no asset owns", paths.root().relativize(folder));
				deleteTree(folder);
			} else {
				removeStagingFiles(folder);
			}
		}
		try (Stream<Path> list = Files.list(paths.thumbnails())) {
			for (Path thumbnail : list.toList()) {
				Long id = idOf(thumbnail.getFileName().toString().split("\\.", 2)[0]);
				if (id == null || !ids.contains(id) || LibraryPaths.isStagingFile(thumbnail)) {
					Files.deleteIfExists(thumbnail);
				}
			}
		}
	}

	private void removeStagingFiles(Path folder) throws IOException {
		try (Stream<Path> list = Files.list(folder)) {
			for (Path file : list.filter(LibraryPaths::isStagingFile).toList()) {
				log.info("Removing {}, an image write that never completed", paths.root().relativize(file));
				Files.deleteIfExists(file);
			}
		}
	}

	private static void deleteTree(Path root) throws IOException {
		try (Stream<Path> tree = Files.walk(root)) {
			for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	private static Long idOf(String name) {
		boolean number = !name.isEmpty() && name.length() <= 18 && !name.startsWith("0")
				&& name.chars().allMatch(c -> c >= '0' && c <= '9');
		return number ? Long.valueOf(name) : null;
	}
}
