package camera.deferred.internal.jobs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import camera.deferred.internal.development.PhotoExif;
import camera.deferred.internal.development.StoppableDevelopment;
import camera.develop.ExifData;
import camera.develop.JpegCodec;
import camera.develop.PhotoDeveloper;
import camera.develop.RgbImage;

/** Develops a spooled burst fully and encodes it into a JPEG file the library can take. */
final class PhaseTwo {

	/** A developed image waiting for the library. */
	record Developed(Path file, int width, int height) {
	}

	private final Path outputDirectory;
	private final StoppableDevelopment development = new StoppableDevelopment();

	PhaseTwo(Path outputDirectory) {
		this.outputDirectory = outputDirectory;
	}

	/** Stops the developments still running. */
	void stop() {
		development.close();
	}

	/**
	 * @throws CancellationException when {@code cancelled} turned true before the file was written
	 */
	Developed develop(String jobId, CapturedBurst burst, int quality, PhotoDeveloper developer, JpegCodec codec,
			BooleanSupplier cancelled) throws IOException {
		RgbImage image = development.developFull(developer, burst.frames(), cancelled);
		if (cancelled.getAsBoolean()) {
			throw new CancellationException("job " + jobId + " was stopped after development");
		}
		byte[] jpeg = codec.encodeCompact(image, quality, exif(burst));
		Path file = outputDirectory.resolve(jobId + ".jpg");
		try {
			Files.createDirectories(outputDirectory);
			try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.TRUNCATE_EXISTING)) {
				ByteBuffer data = ByteBuffer.wrap(jpeg);
				while (data.hasRemaining()) {
					channel.write(data);
				}
				channel.force(true);
			}
		} catch (IOException e) {
			throw new WriteFailed("the FULL image of job " + jobId + " could not be written", e);
		}
		return new Developed(file, image.width(), image.height());
	}

	/** Removes what a crash or a failed attempt left behind. */
	void discard(String jobId) throws IOException {
		Files.deleteIfExists(outputDirectory.resolve(jobId + ".jpg"));
	}

	/** Removes every leftover output at start-up: the library copies what it takes. */
	void discardAll() throws IOException {
		if (!Files.isDirectory(outputDirectory)) {
			return;
		}
		try (var files = Files.newDirectoryStream(outputDirectory, "*.jpg")) {
			for (Path file : files) {
				Files.deleteIfExists(file);
			}
		}
	}

	private static ExifData exif(CapturedBurst burst) {
		return PhotoExif.of(burst.setting(), burst.camera(), burst.frames().getFirst().metadata(), burst.captureTime());
	}
}
