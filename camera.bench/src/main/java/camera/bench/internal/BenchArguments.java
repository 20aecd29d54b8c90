package camera.bench.internal;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

import camera.api.CameraException;
import camera.api.Size;

/**
 * The validated arguments of {@code camera:bench}.
 *
 * @param size        the frame size to capture
 * @param count       measured captures per delivery mode
 * @param samplesFile where to write every measured latency, one line each, or empty for nowhere
 */
record BenchArguments(Size size, int count, Optional<Path> samplesFile) {
	static final int MAXIMUM_COUNT = 1000;

	/**
	 * @param samples the file for the per-capture latencies, relative to the platform's working directory; empty
	 *                for none. Its folder must exist, so that a long run does not fail at its end.
	 * @throws IllegalArgumentException with one readable line naming the bad argument
	 */
	static BenchArguments parse(String size, String count, String samples) {
		Size parsedSize;
		try {
			parsedSize = Size.parse(size);
		} catch (CameraException e) {
			throw new IllegalArgumentException("-s " + e.getMessage(), e);
		}
		if (parsedSize.width() < 16 || parsedSize.height() < 16) {
			throw new IllegalArgumentException("-s must be at least 16x16, not " + parsedSize);
		}
		int parsedCount;
		try {
			parsedCount = Integer.parseInt(count.trim());
		} catch (NumberFormatException e) {
			parsedCount = -1;
		}
		if (parsedCount < 1 || parsedCount > MAXIMUM_COUNT) {
			throw new IllegalArgumentException(
					"-n must be a whole number from 1 to " + MAXIMUM_COUNT + ", not '" + count + "'");
		}
		return new BenchArguments(parsedSize, parsedCount, samplesFile(samples));
	}

	private static Optional<Path> samplesFile(String samples) {
		if (samples.isBlank()) {
			return Optional.empty();
		}
		Path file;
		try {
			file = Path.of(samples).toAbsolutePath();
		} catch (InvalidPathException e) {
			throw new IllegalArgumentException("--samples is not a file name: '" + samples + "'", e);
		}
		if (Files.isDirectory(file)) {
			throw new IllegalArgumentException("--samples names a folder, not a file: " + file);
		}
		if (!Files.isDirectory(file.getParent())) {
			throw new IllegalArgumentException("--samples: the folder " + file.getParent() + " does not exist");
		}
		return Optional.of(file);
	}
}
