package media.library.internal.assets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.osgi.service.log.Logger;

import media.library.DisplayNames;
import media.library.MediaLibraryException;
import media.library.internal.files.AtomicFiles;
import media.library.internal.files.ExifDateTaken;
import media.library.internal.files.LibraryPaths;
import media.library.internal.store.AssetStore;
import media.library.internal.store.AssetStore.SavedImage;
import media.library.internal.thumbnails.JpegImages;

/**
 * What the photo folder holds that no row lists. The files are the truth, never the database: an emptied
 * database, or one restored or copied without its {@code -wal} file, must not cost a photo. A folder
 * {@code Photo/<id>} holding one JPEG (and its raw image, when it kept one) is listed again under its id as a final
 * FULL photo; anything else is moved
 * to {@code lost+found}. Nothing is deleted.
 */
final class UnlistedFolders {
	private final LibraryPaths paths;
	private final AssetStore store;
	private final Logger log;

	UnlistedFolders(LibraryPaths paths, AssetStore store, Logger log) {
		this.paths = paths;
		this.store = store;
		this.log = log;
	}

	/**
	 * Lists again or sets aside every entry of the photo folder whose name is not the id of a row. Staging files
	 * in such folders are removed first: they are writes that never completed.
	 */
	void reconcile(Set<Long> listedIds) throws IOException {
		List<Path> entries;
		try (Stream<Path> list = Files.list(paths.photos())) {
			entries = list.sorted().toList();
		}
		int relisted = 0;
		int setAside = 0;
		for (Path entry : entries) {
			long deleted = LibraryPaths.deletedId(entry.getFileName().toString());
			if (deleted >= 0) {
				finishDeletion(deleted, entry, listedIds);
				continue;
			}
			Long id = PhotoFolders.idOf(entry.getFileName().toString());
			if (id != null && listedIds.contains(id)) {
				continue;
			}
			if (id != null && Files.isDirectory(entry) && relist(id, entry)) {
				relisted++;
			} else {
				setAside(entry);
				setAside++;
			}
		}
		if (relisted + setAside > 0) {
			log.warn("The library database did not list {} entries of {} (was it emptied, or restored without its "
					+ "-wal file?): {} listed again as FULL photos, {} moved to {}", relisted + setAside,
					paths.root().relativize(paths.photos()), relisted, setAside,
					paths.root().relativize(paths.lostAndFound()));
		}
	}

	/**
	 * A folder set aside for deletion: the deletion committed when no row has its id any more, and the folder goes;
	 * otherwise the process stopped before the row went, and the folder is put back.
	 */
	private void finishDeletion(long id, Path aside, Set<Long> listedIds) throws IOException {
		Path folder = paths.assetDirectory(id);
		if (listedIds.contains(id) && !Files.exists(folder)) {
			Files.move(aside, folder, StandardCopyOption.ATOMIC_MOVE);
			log.warn("Put back the folder of asset {}: its deletion did not happen", id);
		} else {
			try (Stream<Path> tree = Files.walk(aside)) {
				for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
					Files.deleteIfExists(path);
				}
			}
			log.info("Removed the folder of deleted asset {}", id);
		}
		AtomicFiles.syncDirectory(paths.photos());
	}

	private boolean relist(long id, Path folder) throws IOException {
		PhotoFolders.removeStagingFiles(folder, paths, log);
		List<Path> files;
		try (Stream<Path> list = Files.list(folder)) {
			files = list.toList();
		}
		List<Path> images = files.stream().filter(file -> !file.getFileName().toString().endsWith(".dng")).toList();
		if (images.size() != 1 || !Files.isRegularFile(images.getFirst())) {
			return false;
		}
		Path image = images.getFirst();
		String imageName = image.getFileName().toString();
		if (files.stream().anyMatch(file -> file != image && !LibraryPaths.isRawFileOf(file, imageName))) {
			return false;
		}
		Optional<SavedImage> saved = probe(image);
		if (saved.isEmpty()) {
			return false;
		}
		Instant modified = Files.getLastModifiedTime(image).toInstant();
		Instant taken = ExifDateTaken.of(image).orElse(null);
		store.insertFound(id, image.getFileName().toString(), saved.get(), modified, taken);
		log.warn("Listed {} again as asset {}, a FULL photo: the database had no row for it",
				paths.root().relativize(image), id);
		return true;
	}

	private static Optional<SavedImage> probe(Path image) throws IOException {
		try {
			DisplayNames.requireValid(image.getFileName().toString());
			JpegImages.Size size = JpegImages.probe(image);
			return Optional.of(new SavedImage(size.width(), size.height(), Files.size(image)));
		} catch (MediaLibraryException e) {
			return Optional.empty();
		}
	}

	private void setAside(Path entry) throws IOException {
		Path lostAndFound = Files.createDirectories(paths.lostAndFound());
		Path target = freeName(lostAndFound, entry.getFileName().toString());
		Files.move(entry, target, StandardCopyOption.ATOMIC_MOVE);
		AtomicFiles.syncDirectory(lostAndFound);
		AtomicFiles.syncDirectory(paths.photos());
		log.warn("Moved {} to {}: the database has no row for it and it is not a single JPEG photo",
				paths.root().relativize(entry), paths.root().relativize(target));
	}

	private static Path freeName(Path folder, String name) {
		Path candidate = folder.resolve(name);
		for (int n = 1; Files.exists(candidate); n++) {
			candidate = folder.resolve(name + "-" + n);
		}
		return candidate;
	}
}
