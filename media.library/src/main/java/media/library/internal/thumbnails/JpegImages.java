package media.library.internal.thumbnails;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import media.library.MediaLibraryErrorCode;
import media.library.MediaLibraryException;
import media.library.internal.files.StorageFailures;

/**
 * Reads and writes JPEG images with {@code javax.imageio}. Streams are cached in memory, so that ImageIO writes no
 * cache file outside the data directory.
 */
public final class JpegImages {
	private JpegImages() {
	}

	/** The pixel size of an image. */
	public record Size(int width, int height) {
	}

	/**
	 * Reads the size from the JPEG header, without decoding the pixels.
	 *
	 * @throws MediaLibraryException INVALID_ARGUMENT when the data is not a JPEG image
	 */
	public static Size probe(byte[] jpeg) {
		try {
			return probe(new ByteArrayInputStream(jpeg));
		} catch (IOException e) {
			throw notJpeg(e);
		}
	}

	/**
	 * Reads the size from the header of a JPEG file.
	 *
	 * @throws MediaLibraryException INVALID_ARGUMENT when the file is not a JPEG image, NOT_FOUND or IO_ERROR when
	 *                               it cannot be read
	 */
	public static Size probe(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return probe(in);
		} catch (MediaLibraryException e) {
			throw e;
		} catch (IOException e) {
			throw StorageFailures.of("reading " + file.getFileName(), e);
		}
	}

	private static Size probe(InputStream in) throws IOException {
		ImageReader reader = jpegReader();
		try (ImageInputStream stream = new MemoryCacheImageInputStream(in)) {
			reader.setInput(stream, true, true);
			int width = reader.getWidth(0);
			int height = reader.getHeight(0);
			if (width <= 0 || height <= 0) {
				throw notJpeg(null);
			}
			return new Size(width, height);
		} catch (IOException | IllegalStateException | IndexOutOfBoundsException e) {
			throw notJpeg(e);
		} finally {
			reader.dispose();
		}
	}

	/**
	 * Decodes a JPEG image, keeping every {@code step}-th pixel of every {@code step}-th row.
	 *
	 * @throws MediaLibraryException IO_ERROR when the data is not a decodable JPEG image
	 */
	public static BufferedImage decode(byte[] jpeg, int step) {
		ImageReader reader = jpegReader();
		try (ImageInputStream stream = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
			reader.setInput(stream, true, true);
			ImageReadParam param = reader.getDefaultReadParam();
			param.setSourceSubsampling(step, step, 0, 0);
			return reader.read(0, param);
		} catch (IOException | RuntimeException e) {
			throw new MediaLibraryException(MediaLibraryErrorCode.IO_ERROR, "the image file is corrupt: " + e.getMessage(), e);
		} finally {
			reader.dispose();
		}
	}

	/** @return the image encoded as a baseline JPEG of the given quality (0 to 1) */
	public static byte[] encode(BufferedImage image, float quality) {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
			writer.setOutput(stream);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(quality);
			writer.write(null, new IIOImage(image, null, null), param);
		} catch (IOException e) {
			throw new MediaLibraryException(MediaLibraryErrorCode.IO_ERROR, "encoding a JPEG failed: " + e.getMessage(), e);
		} finally {
			writer.dispose();
		}
		return out.toByteArray();
	}

	private static ImageReader jpegReader() {
		Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
		if (!readers.hasNext()) {
			throw new MediaLibraryException(MediaLibraryErrorCode.IO_ERROR, "this Java runtime has no JPEG reader");
		}
		return readers.next();
	}

	private static MediaLibraryException notJpeg(Exception cause) {
		return new MediaLibraryException(MediaLibraryErrorCode.INVALID_ARGUMENT, "the image is not a JPEG file", cause);
	}
}
