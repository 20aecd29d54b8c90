package media.library.internal.files;

import java.nio.file.Path;

import media.library.DisplayNames;
import media.library.MediaLibraryErrorCode;
import media.library.MediaLibraryException;
import media.library.MediaQuality;

/**
 * Where the library keeps its files under {@code <data>/media}: the database, {@code Photo/<id>/<name>} for
 * images and, beside them, {@code <name>.dng} for raw images, {@code Thumbnails/<id>.<quality>.jpg}, and {@code lost+found/} for what start-up found in the photo
 * folder but could not list. Every path it hands out is checked to resolve under the root.
 */
public final class LibraryPaths {
	private static final String STAGING_SUFFIX = ".part";
	private static final String DELETION_PREFIX = ".deleted-";
	private static final String RAW_EXTENSION = ".dng";

	private final Path root;
	private final Path photos;
	private final Path thumbnails;

	/** @param dataDirectory the Darkroom data directory; the library lives in its {@code media} folder */
	public LibraryPaths(Path dataDirectory) {
		this.root = dataDirectory.toAbsolutePath().normalize().resolve("media");
		this.photos = root.resolve("Photo");
		this.thumbnails = root.resolve("Thumbnails");
	}

	/** @return the folder of the library */
	public Path root() {
		return root;
	}

	/** @return the SQLite database file */
	public Path database() {
		return root.resolve("library.db");
	}

	/** @return the folder holding one folder per asset */
	public Path photos() {
		return photos;
	}

	/** @return the folder of thumbnails */
	public Path thumbnails() {
		return thumbnails;
	}

	/** @return the folder where start-up moves what it found among the photos and could not list */
	public Path lostAndFound() {
		return root.resolve("lost+found");
	}

	/** @return where an asset's folder is moved while it is deleted, so that start-up never lists it again */
	public Path deletionOf(long id) {
		return inside(photos, photos.resolve(DELETION_PREFIX + id));
	}

	/** @return the asset id a folder name stands for, or -1 when it is not one the library makes */
	public static long assetId(String folderName) {
		boolean number = !folderName.isEmpty() && folderName.length() <= 18 && !folderName.startsWith("0")
				&& folderName.chars().allMatch(c -> c >= '0' && c <= '9');
		return number ? Long.parseLong(folderName) : -1;
	}

	/** @return the asset id of a folder set aside for deletion, or -1 when the name is not one */
	public static long deletedId(String folderName) {
		return folderName.startsWith(DELETION_PREFIX) ? assetId(folderName.substring(DELETION_PREFIX.length())) : -1;
	}

	/** @return the folder of one asset */
	public Path assetDirectory(long id) {
		return inside(photos, photos.resolve(Long.toString(id)));
	}

	/** @return the image file of an asset */
	public Path imageFile(long id, String displayName) {
		return inside(assetDirectory(id), assetDirectory(id).resolve(DisplayNames.requireValid(displayName)));
	}

	/** @return the raw image (DNG) of an asset: beside its image, under the image's name with {@code .dng} */
	public Path rawFile(long id, String displayName) {
		String name = DisplayNames.requireValid(displayName);
		int dot = name.lastIndexOf('.');
		return inside(assetDirectory(id), assetDirectory(id).resolve(name.substring(0, dot) + RAW_EXTENSION));
	}

	/** @return whether a file is the raw image beside the image of that name */
	public static boolean isRawFileOf(Path file, String imageName) {
		int dot = imageName.lastIndexOf('.');
		return dot > 0 && file.getFileName().toString().equals(imageName.substring(0, dot) + RAW_EXTENSION);
	}

	/** @return the thumbnail file of an asset's image of that quality */
	public Path thumbnailFile(long id, MediaQuality quality) {
		return inside(thumbnails, thumbnails.resolve(id + "." + quality.name() + ".jpg"));
	}

	/** @return a file beside {@code target} for writing its next content before it is renamed over it */
	public Path stagingFile(Path target, String unique) {
		Path staging = target.resolveSibling("." + target.getFileName() + "." + unique + STAGING_SUFFIX);
		return inside(target.getParent(), staging);
	}

	/** @return the staging file of that name beside {@code target}, as recorded in the database */
	public Path stagingFileNamed(Path target, String fileName) {
		if (!fileName.endsWith(STAGING_SUFFIX)) {
			throw new MediaLibraryException(MediaLibraryErrorCode.IO_ERROR,
					"the recorded staging file '" + fileName + "' is not one the library writes");
		}
		return inside(target.getParent(), target.resolveSibling(fileName));
	}

	/** @return whether a file name is one of the library's staging files */
	public static boolean isStagingFile(Path file) {
		return file.getFileName().toString().endsWith(STAGING_SUFFIX);
	}

	private static Path inside(Path parent, Path candidate) {
		Path normal = candidate.normalize();
		if (!normal.startsWith(parent) || normal.equals(parent)) {
			throw new MediaLibraryException(MediaLibraryErrorCode.INVALID_URI,
					"the path '" + candidate + "' leaves the library folder");
		}
		return normal;
	}
}
