package camera.deferred.internal.jobs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import camera.deferred.internal.development.DevelopedJpeg;
import camera.deferred.internal.development.DevelopmentLane;
import camera.deferred.internal.development.PhotoExif;
import camera.develop.ExifData;

/** Develops a spooled burst fully on a lane, into a JPEG file the library can take. */
final class PhaseTwo {

	/** A developed image waiting for the library. */
	record Developed(Path file, int width, int height) {
	}

	private final Path outputDirectory;

	PhaseTwo(Path outputDirectory) {
		this.outputDirectory = outputDirectory;
	}

	/**
	 * @throws CancellationException when {@code cancelled} turned true before the file was written
	 * @throws camera.deferred.internal.development.LaneUnavailableException when the lane could not take the job
	 */
	Developed develop(String jobId, CapturedBurst burst, int quality, DevelopmentLane lane, BooleanSupplier cancelled)
			throws IOException {
		DevelopedJpeg developed = lane.develop(jobId, burst.frames(), quality, exif(burst), cancelled);
		if (cancelled.getAsBoolean()) {
			throw new CancellationException("job " + jobId + " was stopped after development");
		}
		byte[] jpeg = developed.jpeg();
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
		return new Developed(file, developed.width(), developed.height());
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
