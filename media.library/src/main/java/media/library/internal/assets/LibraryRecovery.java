package media.library.internal.assets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.osgi.service.log.Logger;

import media.library.MediaQuality;
import media.library.internal.files.AtomicFiles;
import media.library.internal.files.LibraryPaths;
import media.library.internal.files.StorageFailures;
import media.library.internal.store.AssetRow;
import media.library.internal.store.AssetStore;

/**
 * Brings the files and the database in step when the library opens, after whatever stopped it: finishes
 * replacements the database committed, lists again or sets aside photo folders no row owns (never deleting
 * them), removes staging files and stale thumbnails, and removes rows whose image file is gone.
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
			new UnlistedFolders(paths, store, log).reconcile(new HashSet<>(store.allIds()));
			removeRowsWithoutFiles();
			removeLeftovers(new HashSet<>(store.allIds()));
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

	private void removeLeftovers(Set<Long> ids) throws IOException {
		for (long id : ids) {
			Path folder = paths.assetDirectory(id);
			if (Files.isDirectory(folder)) {
				PhotoFolders.removeStagingFiles(folder, paths, log);
			}
		}
		try (Stream<Path> list = Files.list(paths.thumbnails())) {
			for (Path thumbnail : list.toList()) {
				Long id = PhotoFolders.idOf(thumbnail.getFileName().toString().split("\\.", 2)[0]);
				if (id == null || !ids.contains(id) || LibraryPaths.isStagingFile(thumbnail)) {
					Files.deleteIfExists(thumbnail);
				}
			}
		}
	}

	/**
	 * Rows whose image file is gone are no photo any more: they are removed and reported, unless phase 2 will
	 * still write their FULL image. When no listed file is left at all the photo folder is more likely not
	 * mounted or replaced than every photo lost, so the rows stay and that is reported instead.
	 */
	private void removeRowsWithoutFiles() {
		List<AssetRow> withImages = store.withImages();
		List<AssetRow> missing = withImages.stream()
			.filter(row -> !Files.exists(paths.imageFile(row.id(), row.displayName())))
			.toList();
		if (missing.isEmpty()) {
			return;
		}
		if (missing.size() == withImages.size() && missing.size() > 1) {
			log.warn("None of the {} image files the library database lists is in {}: the rows are kept; is the "
					+ "data directory the right one, and complete?", missing.size(), paths.photos());
			return;
		}
		List<Long> gone = new ArrayList<>();
		for (AssetRow row : missing) {
			if (row.quality() == MediaQuality.FAST && row.deferredJobId() != null) {
				log.warn("The FAST image of asset {} is gone; it stays listed until job {} writes its FULL image",
						row.id(), row.deferredJobId());
			} else {
				gone.add(row.id());
			}
		}
		if (!gone.isEmpty()) {
			store.delete(gone);
			log.warn("Removed {} assets whose image file was gone from {}: {}", gone.size(),
					paths.root().relativize(paths.photos()), gone);
		}
	}
}
