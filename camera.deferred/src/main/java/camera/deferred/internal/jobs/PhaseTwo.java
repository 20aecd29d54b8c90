package camera.deferred.internal.jobs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import camera.deferred.internal.development.DevelopedJpeg;
import camera.deferred.internal.development.DevelopmentLane;
import camera.deferred.internal.development.KeptRawFrame;
import camera.deferred.internal.development.PhotoExif;
import camera.develop.DngCodec;
import camera.develop.ExifData;

/**
 * Develops a spooled burst fully on a lane, into a JPEG file the library can take, and writes the DNG of its first
 * frame when the capture asked to keep a raw file.
 */
final class PhaseTwo {

	/** A developed image waiting for the library. */
	record Developed(Path file, int width, int height) {
	}

	private final Path outputDirectory;
	private final Supplier<DngCodec> dngCodec;

	PhaseTwo(Path outputDirectory) {
		this(outputDirectory, () -> null);
	}

	/** @param dngCodec the DNG writer bound now, or null while there is none */
	PhaseTwo(Path outputDirectory, Supplier<DngCodec> dngCodec) {
		this.outputDirectory = outputDirectory;
		this.dngCodec = dngCodec;
	}

	/** @return whether the burst asks for a raw file that no DNG writer is there to write now (a remote developer) */
	boolean lacksDngCodec(CapturedBurst burst) {
		return KeptRawFrame.wanted(burst.setting(), burst.frames()) && dngCodec.get() == null;
	}

	/**
	 * Writes the DNG of the burst's first frame, when its capture asked for one. Written before development, so
	 * that the raw file is kept even when the development then fails and the FAST image becomes final.
	 *
	 * @return the file, for the library to copy, or empty when the capture keeps no raw file
	 */
	Optional<Path> writeRaw(String jobId, CapturedBurst burst) throws WriteFailed {
		DngCodec codec = dngCodec.get();
		if (codec == null) {
			return Optional.empty();
		}
		Optional<byte[]> dng = KeptRawFrame.dng(codec, burst.setting(), burst.frames(), exif(burst));
		if (dng.isEmpty()) {
			return Optional.empty();
		}
		Path file = outputDirectory.resolve(jobId + ".dng");
		write(file, dng.get(), "the raw image of job " + jobId + " could not be written");
		return Optional.of(file);
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
		write(file, jpeg, "the FULL image of job " + jobId + " could not be written");
		return new Developed(file, developed.width(), developed.height());
	}

	private void write(Path file, byte[] content, String failure) throws WriteFailed {
		try {
			Files.createDirectories(outputDirectory);
			try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.TRUNCATE_EXISTING)) {
				ByteBuffer data = ByteBuffer.wrap(content);
				while (data.hasRemaining()) {
					channel.write(data);
				}
				channel.force(true);
			}
		} catch (IOException e) {
			throw new WriteFailed(failure, e);
		}
	}

	/** Removes what a crash or a failed attempt left behind. */
	void discard(String jobId) throws IOException {
		Files.deleteIfExists(outputDirectory.resolve(jobId + ".jpg"));
		Files.deleteIfExists(outputDirectory.resolve(jobId + ".dng"));
	}

	/** Removes every leftover output at start-up: the library copies what it takes. */
	void discardAll() throws IOException {
		if (!Files.isDirectory(outputDirectory)) {
			return;
		}
		try (var files = Files.newDirectoryStream(outputDirectory, "*.{jpg,dng}")) {
			for (Path file : files) {
				Files.deleteIfExists(file);
			}
		}
	}

	private static ExifData exif(CapturedBurst burst) {
		return PhotoExif.of(burst.setting(), burst.camera(), burst.frames().getFirst().metadata(), burst.captureTime());
	}
}
