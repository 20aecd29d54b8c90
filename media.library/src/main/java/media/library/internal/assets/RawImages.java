package media.library.internal.assets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import media.library.MediaAssetChangeRequest;
import media.library.MediaLibraryErrorCode;
import media.library.MediaLibraryException;
import media.library.RawImage;
import media.library.internal.files.AtomicFiles;
import media.library.internal.files.LibraryPaths;
import media.library.internal.files.StorageFailures;
import media.library.internal.store.AssetRow;

/**
 * The raw images (DNG) assets keep beside their photos. The file is the truth: an asset has a raw image while
 * {@link LibraryPaths#rawFile} exists, so it goes with the asset's folder when the asset is deleted, stays in
 * place through trash and restore like the photo, and start-up keeps it with the photo it belongs to.
 */
public final class RawImages {
	private final LibraryPaths paths;
	private final AtomicFiles files;
	private final AssetLocks locks;

	public RawImages(LibraryPaths paths, AssetLocks locks) {
		this.paths = paths;
		this.files = new AtomicFiles(paths);
		this.locks = locks;
	}

	/** @return whether the request carries a raw image */
	public static boolean carried(MediaAssetChangeRequest request) {
		return request.rawImageBytes().isPresent() || request.rawImageFile().isPresent();
	}

	/**
	 * Writes the raw image a request carries, atomically, replacing an earlier one.
	 *
	 * @return whether the asset had no raw image before, so that a failed request removes it again
	 */
	public boolean write(AssetRow row, MediaAssetChangeRequest request) {
		Path target = paths.rawFile(row.id(), row.displayName());
		return locks.writing(row.id(), () -> {
			boolean first = !Files.exists(target);
			try {
				Path staged = request.rawImageFile().isPresent()
						? files.stage(target, request.rawImageFile().get())
						: files.stage(target, request.rawImageBytes().orElseThrow());
				files.commit(staged, target);
			} catch (IOException e) {
				throw StorageFailures.of("writing the raw image of asset " + row.id(), e);
			}
			return first;
		});
	}

	/** Copies a DNG file beside the asset's image. */
	public void write(AssetRow row, Path dng) {
		Path target = paths.rawFile(row.id(), row.displayName());
		locks.writing(row.id(), () -> {
			try {
				files.commit(files.stage(target, dng), target);
			} catch (IOException e) {
				throw StorageFailures.of("writing the raw image of asset " + row.id(), e);
			}
			return null;
		});
	}

	/** Removes the raw image a failed request wrote. */
	public void remove(AssetRow row, RuntimeException failure) {
		try {
			Files.deleteIfExists(paths.rawFile(row.id(), row.displayName()));
		} catch (IOException e) {
			failure.addSuppressed(e);
		}
	}

	/** @return the asset's raw image, if it has one */
	public Optional<RawImage> describe(AssetRow row) {
		Path file = paths.rawFile(row.id(), row.displayName());
		return locks.reading(row.id(), () -> {
			try {
				return Files.isRegularFile(file)
						? Optional.of(new RawImage(file.getFileName().toString(), RawImage.DNG, Files.size(file)))
						: Optional.empty();
			} catch (IOException e) {
				throw StorageFailures.of("reading the raw image of asset " + row.id(), e);
			}
		});
	}

	/** @throws MediaLibraryException NOT_FOUND when the asset has no raw image */
	public byte[] read(AssetRow row) {
		Path file = paths.rawFile(row.id(), row.displayName());
		return locks.reading(row.id(), () -> {
			if (!Files.isRegularFile(file)) {
				throw new MediaLibraryException(MediaLibraryErrorCode.NOT_FOUND,
						"asset " + row.uri() + " has no raw image: it was not captured with raw on");
			}
			try {
				return Files.readAllBytes(file);
			} catch (IOException e) {
				throw StorageFailures.of("reading the raw image of asset " + row.id(), e);
			}
		});
	}
}
