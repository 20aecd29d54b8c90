package camera.deferred.internal.jobs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.zip.CRC32C;

/**
 * A job's metadata on disk, written twice ({@code burst.properties} and {@code burst.properties.copy}), each
 * sealed with a checksum line, so that one damaged copy (a power loss can leave a file whose data never reached
 * the disk) never costs the intact frames beside it. Metadata written before seals existed reads as it is.
 */
final class SealedMetadata {
	static final String COPY_SUFFIX = ".copy";
	private static final String SEAL = "checksum=";

	private SealedMetadata() {
	}

	/** @return the text with its seal line appended */
	static String seal(String text) {
		return text + SEAL + checksum(text) + "\n";
	}

	/**
	 * @return the text of the first of the two copies in {@code directory} that is whole
	 * @throws NoSuchFileException when neither copy exists
	 * @throws IOException         when neither copy is whole, naming what is wrong with each
	 */
	static String read(Path directory, String fileName) throws IOException {
		Path primary = directory.resolve(fileName);
		Path copy = directory.resolve(fileName + COPY_SUFFIX);
		String primaryProblem;
		try {
			return unseal(Files.readString(primary, StandardCharsets.UTF_8));
		} catch (NoSuchFileException e) {
			primaryProblem = "missing";
		} catch (IOException e) {
			primaryProblem = e.getMessage();
		}
		try {
			return unseal(Files.readString(copy, StandardCharsets.UTF_8));
		} catch (NoSuchFileException e) {
			if (primaryProblem.equals("missing")) {
				throw new NoSuchFileException(primary.toString(), null, "no metadata in " + directory.getFileName());
			}
			throw new IOException(fileName + " is " + primaryProblem + " and its copy is missing");
		} catch (IOException e) {
			throw new IOException(fileName + " is " + primaryProblem + " and its copy is " + e.getMessage());
		}
	}

	/** @return whether either copy is there, whole or not */
	static boolean exists(Path directory, String fileName) {
		return Files.isRegularFile(directory.resolve(fileName))
				|| Files.isRegularFile(directory.resolve(fileName + COPY_SUFFIX));
	}

	private static String unseal(String sealed) throws IOException {
		int line = sealed.lastIndexOf(SEAL);
		if (line < 0) {
			if (sealed.indexOf('\0') >= 0 || sealed.isBlank()) {
				throw new IOException("damaged (no seal, and zeroed or empty)");
			}
			return sealed;
		}
		String text = sealed.substring(0, line);
		String stated = sealed.substring(line + SEAL.length()).strip();
		if (!stated.equals(checksum(text))) {
			throw new IOException("damaged (its checksum does not match)");
		}
		return text;
	}

	private static String checksum(String text) {
		CRC32C crc = new CRC32C();
		crc.update(text.getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().toHexDigits((int) crc.getValue());
	}
}
