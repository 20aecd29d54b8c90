package media.library.internal.assets;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.IntSupplier;
import java.util.stream.Stream;

import org.osgi.service.log.Logger;

import media.library.MediaLibraryErrorCode;
import media.library.MediaLibraryException;
import media.library.MediaQuality;
import media.library.internal.files.AtomicFiles;
import media.library.internal.files.LibraryPaths;
import media.library.internal.files.StorageFailures;
import media.library.internal.requests.CurrentImage;
import media.library.internal.requests.ImageSource;
import media.library.internal.store.AssetRow;
import media.library.internal.store.AssetStore;
import media.library.internal.store.AssetStore.SavedImage;
import media.library.internal.thumbnails.Thumbnails;

/**
 * The image files of assets, kept in step with their rows: reading an image with its quality, writing the first
 * image, replacing FAST by FULL in place, thumbnails, and removing an asset's files.
 */
public final class AssetImages implements ImageSource {
	private final LibraryPaths paths;
	private final AtomicFiles files;
	private final AssetStore store;
	private final AssetLocks locks;
	private final Thumbnails thumbnails;
	private final Executor thumbnailer;
	private final IntSupplier thumbnailSize;
	private final Logger log;

	public AssetImages(LibraryPaths paths, AssetStore store, AssetLocks locks, Executor thumbnailer,
			IntSupplier thumbnailSize, Logger log) {
		this.paths = paths;
		this.files = new AtomicFiles(paths);
		this.store = store;
		this.locks = locks;
		this.thumbnails = new Thumbnails(paths, files);
		this.thumbnailer = thumbnailer;
		this.thumbnailSize = thumbnailSize;
		this.log = log;
	}

	@Override
	public CurrentImage read(long assetId) {
		return locks.reading(assetId, () -> {
			AssetRow row = withImage(assetId);
			return new CurrentImage(readFile(row), row.quality(),
					row.quality() == MediaQuality.FAST && row.deferredJobId() != null);
		});
	}

	/** @return the row of an asset that has an image */
	public AssetRow withImage(long assetId) {
		return store.find(assetId)
			.filter(AssetRow::hasImage)
			.orElseThrow(() -> new MediaLibraryException(MediaLibraryErrorCode.NOT_FOUND,
					"asset " + assetId + " does not exist or has no image"));
	}

	/**
	 * Writes the first image of an asset, atomically. The caller holds the asset's write lock and records the
	 * image in the database afterwards, or calls {@link #deleteFiles} when that fails.
	 */
	public void writeFirst(AssetRow row, byte[] image) {
		try {
			files.write(paths.imageFile(row.id(), row.displayName()), image);
		} catch (IOException e) {
			throw StorageFailures.of("writing the image of asset " + row.id(), e);
		}
	}

	/** As {@link #writeFirst(AssetRow, byte[])}, copying a file. */
	public void writeFirst(AssetRow row, Path image) {
		Path target = paths.imageFile(row.id(), row.displayName());
		try {
			files.commit(files.stage(target, image), target);
		} catch (IOException e) {
			throw StorageFailures.of("writing the image of asset " + row.id() + " from " + image.getFileName(), e);
		}
	}

	/**
	 * Replaces the FAST image of the asset holding a job by a FULL image, in place. The FULL file is staged beside
	 * the asset's file and synced; then, with the asset locked, one transaction flips the row to FULL and records
	 * the staged name, the staged file is renamed over the old one and the folder synced. A crash after the
	 * commit is finished by {@link LibraryRecovery}, so the disk always holds one whole image matching the row.
	 *
	 * @return the row as it was before, or empty when no FAST asset holds the job
	 */
	public Optional<AssetRow> replace(String jobId, Path fullImage, SavedImage image, Instant now) {
		Optional<AssetRow> holder = store.findByJob(jobId).filter(r -> r.quality() == MediaQuality.FAST);
		if (holder.isEmpty()) {
			return Optional.empty();
		}
		Path target = paths.imageFile(holder.get().id(), holder.get().displayName());
		Path staged;
		try {
			staged = files.stage(target, fullImage);
		} catch (IOException e) {
			throw StorageFailures.of("staging the FULL image of job " + jobId, e);
		}
		return locks.writing(holder.get().id(), () -> {
			Optional<AssetRow> before;
			try {
				before = store.commitReplacement(jobId, staged.getFileName().toString(), image, now);
			} catch (MediaLibraryException e) {
				deleteStaged(staged, "job " + jobId);
				throw e;
			}
			if (before.isEmpty()) {
				deleteStaged(staged, "job " + jobId);
				return before;
			}
			try {
				files.commit(staged, target);
			} catch (IOException e) {
				MediaLibraryException failure = StorageFailures.of(
						"renaming the FULL image of asset " + before.get().id() + " into place", e);
				try {
					store.revertReplacement(before.get());
					deleteStaged(staged, "job " + jobId);
				} catch (MediaLibraryException revertFailure) {
					// The staged file stays: recovery renames it into place at the next start.
					failure.addSuppressed(revertFailure);
					log.error("Asset {} is recorded FULL but its FULL image is still staged", before.get().id(), failure);
				}
				throw failure;
			}
			clearStaged(before.get().id());
			return before;
		});
	}

	/**
	 * Replaces the image of an asset by one an application gave (its own processing of the photo), in place and
	 * as {@link #replace} does: staged and synced beside the asset's file, then, with the asset locked, one
	 * transaction makes the asset FULL and final and the staged file is renamed over the old one. The caller holds
	 * no lock.
	 *
	 * @param stage writes the application's image to a synced staging file beside the given target
	 * @return the row as it was before
	 */
	public AssetRow replaceWithAppImage(AssetRow row, Stager stage, SavedImage image, Instant dateTaken, boolean save,
			Instant now) {
		Path target = paths.imageFile(row.id(), row.displayName());
		Path staged;
		try {
			staged = stage.stage(files, target);
		} catch (IOException e) {
			throw StorageFailures.of("staging the new image of asset " + row.id(), e);
		}
		String what = "asset " + row.id();
		AssetRow before = locks.writing(row.id(), () -> {
			Optional<AssetRow> committed;
			try {
				committed = store.commitAppImage(row.id(), staged.getFileName().toString(), image, dateTaken, save,
						now);
			} catch (MediaLibraryException e) {
				deleteStaged(staged, what);
				throw e;
			}
			if (committed.isEmpty()) {
				deleteStaged(staged, what);
				throw new MediaLibraryException(MediaLibraryErrorCode.NOT_FOUND,
						"asset " + row.uri() + " was deleted while its image was replaced");
			}
			try {
				files.commit(staged, target);
			} catch (IOException e) {
				MediaLibraryException failure = StorageFailures.of("renaming the new image of asset " + row.id()
						+ " into place", e);
				try {
					store.revertAppImage(committed.get());
					deleteStaged(staged, what);
				} catch (MediaLibraryException revertFailure) {
					failure.addSuppressed(revertFailure);
					log.error("Asset {} is recorded with its new image but that image is still staged", row.id(),
							failure);
				}
				throw failure;
			}
			clearStaged(row.id());
			return committed.get();
		});
		deleteThumbnail(row.id(), MediaQuality.FAST);
		deleteThumbnail(row.id(), MediaQuality.FULL);
		return before;
	}

	/** Writes an image to a synced staging file beside a target, through {@link AtomicFiles#stage}. */
	@FunctionalInterface
	public interface Stager {
		Path stage(AtomicFiles files, Path target) throws IOException;
	}

	/** Makes the thumbnail of an asset's current image on the thumbnail thread. */
	public void refreshThumbnailLater(long assetId) {
		thumbnailer.execute(() -> {
			try {
				thumbnail(assetId);
			} catch (MediaLibraryException e) {
				if (e.errorCode() == MediaLibraryErrorCode.NOT_FOUND) {
					// deleted (or discarded) before its turn came: nothing to make, nothing wrong
					log.debug("No thumbnail for asset {}: {}", assetId, e.getMessage());
				} else {
					log.warn("Making the thumbnail of asset {} failed: {}", assetId, e.getMessage());
				}
			}
		});
	}

	/** @return the thumbnail of the asset's current image, made now if it was not made yet */
	public byte[] thumbnail(long assetId) {
		AssetRow row = withImage(assetId);
		Optional<byte[]> stored = thumbnails.read(assetId, row.quality());
		if (stored.isPresent()) {
			return stored.get();
		}
		CurrentImage image = read(assetId);
		byte[] made = thumbnails.store(assetId, image.quality(), image.data(), row.width(), row.height(),
				thumbnailSize.getAsInt());
		if (image.quality() == MediaQuality.FULL) {
			deleteThumbnail(assetId, MediaQuality.FAST);
		}
		return made;
	}

	/**
	 * Moves the asset's folder to {@link LibraryPaths#deletionOf}, atomically, before its row goes: a folder no
	 * row lists is listed again at start-up, and a photo the user deleted must never come back.
	 *
	 * @throws MediaLibraryException IO_ERROR or STORAGE_FULL when the folder cannot be moved
	 */
	public void setAside(long assetId) {
		Path directory = paths.assetDirectory(assetId);
		if (!Files.exists(directory)) {
			return;
		}
		Path aside = paths.deletionOf(assetId);
		try {
			deleteTree(aside);
			Files.move(directory, aside, StandardCopyOption.ATOMIC_MOVE);
			AtomicFiles.syncDirectory(paths.photos());
		} catch (IOException e) {
			throw StorageFailures.of("setting aside the folder of asset " + assetId, e);
		}
	}

	/** Puts back a folder {@link #setAside} moved, when the deletion it was for did not happen. */
	public void putBack(long assetId) {
		Path aside = paths.deletionOf(assetId);
		if (!Files.exists(aside)) {
			return;
		}
		try {
			Files.move(aside, paths.assetDirectory(assetId), StandardCopyOption.ATOMIC_MOVE);
			AtomicFiles.syncDirectory(paths.photos());
		} catch (IOException e) {
			log.error("Putting back the folder of asset {} failed; start-up puts it back", assetId, e);
		}
	}

	private static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> tree = Files.walk(root)) {
			for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	/** Removes every file of an asset; a failure is logged, and the start-up sweep removes what is left. */
	public void deleteFiles(long assetId) {
		deleteThumbnail(assetId, MediaQuality.FAST);
		deleteThumbnail(assetId, MediaQuality.FULL);
		Path directory = paths.deletionOf(assetId);
		try {
			setAside(assetId);
		} catch (MediaLibraryException e) {
			log.error("Setting aside the folder of deleted asset {} failed; removed at the next start", assetId, e);
			return;
		}
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> tree = Files.walk(directory)) {
			for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
			AtomicFiles.syncDirectory(paths.photos());
		} catch (DirectoryNotEmptyException e) {
			log.warn("The folder of deleted asset {} got a new file while it was removed; removed at the next start",
					assetId);
		} catch (IOException e) {
			log.error("Removing the files of deleted asset {} failed; removed at the next start", assetId, e);
		}
	}

	private byte[] readFile(AssetRow row) {
		try {
			return Files.readAllBytes(paths.imageFile(row.id(), row.displayName()));
		} catch (IOException e) {
			throw StorageFailures.of("reading the image of asset " + row.id(), e);
		}
	}

	private void clearStaged(long assetId) {
		try {
			store.clearStaged(assetId);
		} catch (MediaLibraryException e) {
			// The image is in place; recovery clears the record at the next start.
			log.warn("Clearing the replacement record of asset {} failed: {}", assetId, e.getMessage());
		}
	}

	private void deleteThumbnail(long assetId, MediaQuality quality) {
		try {
			thumbnails.delete(assetId, quality);
		} catch (IOException e) {
			log.warn("Removing the {} thumbnail of asset {} failed: {}", quality, assetId, e.getMessage());
		}
	}

	private void deleteStaged(Path staged, String owner) {
		try {
			Files.deleteIfExists(staged);
		} catch (IOException e) {
			log.warn("Removing the staged image of {} failed; removed at the next start: {}", owner, e.getMessage());
		}
	}
}
