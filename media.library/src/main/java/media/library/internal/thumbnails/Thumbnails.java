package media.library.internal.thumbnails;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

import media.library.MediaQuality;
import media.library.internal.files.AtomicFiles;
import media.library.internal.files.ExifOrientation;
import media.library.internal.files.LibraryPaths;
import media.library.internal.files.StorageFailures;

/**
 * Makes and keeps the small JPEG of each asset's image, {@code Thumbnails/<id>.<quality>.jpg}. Naming the file by
 * quality means a thumbnail of the FAST image can never pass for the FULL one, however the writes interleave.
 * A thumbnail carries no EXIF, so it is made upright: the image's EXIF orientation is applied to its pixels.
 */
public final class Thumbnails {
	private static final float QUALITY = 0.8f;

	private final LibraryPaths paths;
	private final AtomicFiles files;

	public Thumbnails(LibraryPaths paths, AtomicFiles files) {
		this.paths = paths;
		this.files = files;
	}

	/**
	 * Makes the thumbnail of an asset's image and stores it atomically.
	 *
	 * @param longestSide the thumbnail's longest side in pixels
	 * @return the thumbnail
	 */
	public byte[] store(long id, MediaQuality quality, byte[] image, int width, int height, int longestSide) {
		byte[] thumbnail = make(image, width, height, longestSide);
		try {
			files.write(paths.thumbnailFile(id, quality), thumbnail);
		} catch (IOException e) {
			throw StorageFailures.of("writing the thumbnail of asset " + id, e);
		}
		return thumbnail;
	}

	/** @return the stored thumbnail of the asset's image of that quality, if it was made */
	public Optional<byte[]> read(long id, MediaQuality quality) {
		try {
			return Optional.of(Files.readAllBytes(paths.thumbnailFile(id, quality)));
		} catch (NoSuchFileException e) {
			return Optional.empty();
		} catch (IOException e) {
			throw StorageFailures.of("reading the thumbnail of asset " + id, e);
		}
	}

	/** Removes the thumbnail of the asset's image of that quality, if there is one. */
	public void delete(long id, MediaQuality quality) throws IOException {
		Files.deleteIfExists(paths.thumbnailFile(id, quality));
	}

	/** @return an upright JPEG whose longest side is at most {@code longestSide} pixels */
	public static byte[] make(byte[] image, int width, int height, int longestSide) {
		// Subsampling while decoding keeps a 12 MP image from being expanded in full for a few thousand pixels.
		int step = Math.max(1, Math.max(width, height) / (longestSide * 2));
		BufferedImage decoded = JpegImages.decode(image, step);
		double scale = Math.min(1.0, (double) longestSide / Math.max(decoded.getWidth(), decoded.getHeight()));
		int thumbWidth = Math.max(1, (int) Math.round(decoded.getWidth() * scale));
		int thumbHeight = Math.max(1, (int) Math.round(decoded.getHeight() * scale));
		BufferedImage thumbnail = new BufferedImage(thumbWidth, thumbHeight, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = thumbnail.createGraphics();
		try {
			graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			graphics.drawImage(decoded, 0, 0, thumbWidth, thumbHeight, null);
		} finally {
			graphics.dispose();
		}
		return JpegImages.encode(Orientations.upright(thumbnail, ExifOrientation.of(image)), QUALITY);
	}

	/** @return the thumbnail folder, for the start-up sweep */
	public Path directory() {
		return paths.thumbnails();
	}
}
