package camera.deferred.internal.jobs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import camera.api.hal.RawFrame;

/**
 * The raw frames of pending jobs on disk, one directory per job: {@code <jobId>/frame-<n>.raw} and
 * {@code burst.properties}. A job directory appears whole or not at all: it is written as
 * {@code <jobId>.partial}, every file and the directory are synced, then it is renamed into place and the spool
 * directory is synced. Thread-safe for different jobs.
 */
final class Spool {
	private static final Pattern JOB_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
	private static final String PARTIAL = ".partial";
	private static final String INTERRUPTED_FILE = "interrupted-attempts";

	private final Path directory;

	Spool(Path directory) {
		this.directory = directory;
	}

	/** @return whether the id has the form of the engine's job ids (so it can name a directory safely) */
	static boolean isJobId(String id) {
		return id != null && JOB_ID.matcher(id).matches();
	}

	Path directory() {
		return directory;
	}

	/** @return the bytes a burst takes in the spool, metadata aside */
	static long sizeOf(CapturedBurst burst) {
		return burst.frames().stream().mapToLong(frame -> frame.data().limit()).sum();
	}

	/** Writes the burst durably; when this returns, the job survives a crash. */
	void write(String jobId, CapturedBurst burst, Instant acceptedAt) throws IOException {
		Files.createDirectories(directory);
		Path partial = directory.resolve(jobId + PARTIAL);
		deleteTree(partial);
		Files.createDirectory(partial);
		try {
			for (int i = 0; i < burst.frames().size(); i++) {
				RawFrame frame = burst.frames().get(i);
				writeSynced(partial.resolve(frameName(i)), frame.data().duplicate().position(0));
			}
			writeSynced(partial.resolve(BurstMetadata.FILE_NAME),
					ByteBuffer.wrap(BurstMetadata.write(burst, acceptedAt).getBytes(StandardCharsets.UTF_8)));
			syncDirectory(partial);
			Files.move(partial, directory.resolve(jobId), StandardCopyOption.ATOMIC_MOVE);
			syncDirectory(directory);
		} catch (IOException | RuntimeException e) {
			deleteTree(partial);
			throw e;
		}
	}

	/** Reads a job's burst back; its frames live in heap buffers. */
	BurstMetadata.Stored read(String jobId) throws IOException {
		Path job = jobDirectory(jobId);
		String text = Files.readString(job.resolve(BurstMetadata.FILE_NAME), StandardCharsets.UTF_8);
		List<ByteBuffer> frames = new ArrayList<>();
		for (int i = 0; Files.exists(job.resolve(frameName(i))); i++) {
			frames.add(ByteBuffer.wrap(Files.readAllBytes(job.resolve(frameName(i)))));
		}
		return BurstMetadata.read(text, i -> {
			if (i >= frames.size()) {
				throw new IllegalStateException("spool of job " + jobId + " lacks frame " + i);
			}
			return frames.get(i);
		});
	}

	/** What the spool knows of a job without reading its frames. */
	record Entry(String jobId, Instant capturedAt, Instant acceptedAt, int interruptedAttempts, long bytes) {
	}

	/** @return the job's entry; throws NoSuchFileException when the job has no spool */
	Entry entry(String jobId) throws IOException {
		Path job = jobDirectory(jobId);
		String text = Files.readString(job.resolve(BurstMetadata.FILE_NAME), StandardCharsets.UTF_8);
		return new Entry(jobId, BurstMetadata.capturedAt(text), BurstMetadata.acceptedAt(text), interruptedAttempts(jobId),
				sizeOfTree(job));
	}

	boolean contains(String jobId) {
		return isJobId(jobId) && Files.isRegularFile(directory.resolve(jobId).resolve(BurstMetadata.FILE_NAME));
	}

	/** Ids come from the library too: only the engine's own form may name a path, so none escapes the spool. */
	private Path jobDirectory(String jobId) throws NoSuchFileException {
		if (!isJobId(jobId)) {
			throw new NoSuchFileException(jobId, null, "not a job id of this engine");
		}
		return directory.resolve(jobId);
	}

	/** @return the ids of every complete job directory, after removing what a crash left half-written */
	List<String> recover() throws IOException {
		List<String> jobs = new ArrayList<>();
		if (!Files.isDirectory(directory)) {
			return jobs;
		}
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
			for (Path entry : entries) {
				String name = entry.getFileName().toString();
				if (name.endsWith(PARTIAL)) {
					deleteTree(entry);
				} else if (isJobId(name) && Files.isDirectory(entry)) {
					jobs.add(name);
				}
			}
		}
		return jobs;
	}

	/**
	 * Records how many attempts the process died during: raised before an attempt starts and lowered again when
	 * it ends, so that a burst that brings the process down cannot loop across restarts.
	 */
	void recordInterruptedAttempts(String jobId, int attempts) throws IOException {
		Path job = jobDirectory(jobId);
		Path next = job.resolve(INTERRUPTED_FILE + PARTIAL);
		writeSynced(next, ByteBuffer.wrap(Integer.toString(attempts).getBytes(StandardCharsets.US_ASCII)));
		Files.move(next, job.resolve(INTERRUPTED_FILE), StandardCopyOption.ATOMIC_MOVE,
				StandardCopyOption.REPLACE_EXISTING);
		syncDirectory(job);
	}

	private int interruptedAttempts(String jobId) throws IOException {
		Path file = directory.resolve(jobId).resolve(INTERRUPTED_FILE);
		try {
			return Integer.parseInt(Files.readString(file, StandardCharsets.US_ASCII).trim());
		} catch (NoSuchFileException e) {
			return 0;
		} catch (NumberFormatException e) {
			throw new IOException("interrupted attempts of job " + jobId + " are unreadable", e);
		}
	}

	/** @return the bytes freed */
	long delete(String jobId) throws IOException {
		if (!isJobId(jobId)) {
			return 0;
		}
		Path job = directory.resolve(jobId);
		if (!Files.exists(job)) {
			return 0;
		}
		long bytes = sizeOfTree(job);
		// Renamed first so that a crash half-way leaves a directory recover() discards, never a job without metadata.
		Path doomed = directory.resolve(jobId + PARTIAL);
		deleteTree(doomed);
		Files.move(job, doomed, StandardCopyOption.ATOMIC_MOVE);
		syncDirectory(directory);
		deleteTree(doomed);
		return bytes;
	}

	private static String frameName(int index) {
		return "frame-" + index + ".raw";
	}

	private static void writeSynced(Path file, ByteBuffer data) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING)) {
			while (data.hasRemaining()) {
				channel.write(data);
			}
			channel.force(true);
		}
	}

	private static void syncDirectory(Path dir) throws IOException {
		try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
			channel.force(true);
		}
	}

	private static long sizeOfTree(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return 0;
		}
		try (Stream<Path> files = Files.walk(dir)) {
			long total = 0;
			for (Path file : (Iterable<Path>) files::iterator) {
				if (Files.isRegularFile(file)) {
					total += Files.size(file);
				}
			}
			return total;
		}
	}

	private static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> files = Files.walk(dir)) {
			for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
				Files.deleteIfExists(file);
			}
		}
	}
}
