package camera.deferred.internal.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import camera.api.hal.RawFrame;

/**
 * The raw frames of pending jobs on disk, one directory per job: {@code <jobId>/frame-<n>.raw} and
 * {@code burst.properties} with its copy ({@link SealedMetadata}). A job directory appears whole or not at all: it is written as
 * {@code <jobId>.partial}, every file and the directory are synced, then it is renamed into place and the spool
 * directory is synced. Each frame is written and synced on the spool's own writer threads as soon as the camera
 * delivers it, since the capture path waits for the last one ({@link FrameFileWriter}); 16-bit Bayer frames with
 * 12-bit samples are stored packed ({@link FrameEncoding}). Thread-safe for different jobs; the engine is the only
 * user. {@link #close()} stops the writer threads.
 */
final class Spool implements AutoCloseable {
	private static final Pattern JOB_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
	private static final String PARTIAL = ".partial";
	private static final String INTERRUPTED_FILE = "interrupted-attempts";

	/** Two frames in parts at once: the next frame of a burst starts while the last parts of one are synced. */
	private static final int WRITERS = 2 * FrameFileWriter.PARTS;
	private static final AtomicInteger WRITER_NUMBER = new AtomicInteger();

	private final Path directory;
	private final ThreadPoolExecutor writers;
	private FrameFileWriter frameWriter;

	/** @return the bytes its file system has free for this process, or {@link Long#MAX_VALUE} when it cannot tell */
	long usableBytes() {
		try {
			return Files.getFileStore(directory).getUsableSpace();
		} catch (IOException e) {
			return Long.MAX_VALUE; // the writes find out, and the capture falls back to inline development
		}
	}

		/** A spool that writes with direct I/O where its file system allows it. */
	Spool(Path directory) {
		this(directory, null);
	}

	/** @param io how frames are written, or null to find out on first use */
	Spool(Path directory, DirectIo io) {
		this.directory = directory;
		// Idle writers end after a while: the spool costs no threads between captures.
		this.writers = new ThreadPoolExecutor(WRITERS, WRITERS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
				task -> {
					Thread thread = new Thread(task, "darkroom-spool-writer-" + WRITER_NUMBER.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		writers.allowCoreThreadTimeOut(true);
		if (io != null) {
			frameWriter = new FrameFileWriter(io, writers);
		}
	}

	/** @return how frames are written, found out on first use by trying direct I/O in the spool directory */
	DirectIo io() throws IOException {
		return frameWriter().io();
	}

	private synchronized FrameFileWriter frameWriter() throws IOException {
		if (frameWriter == null) {
			Files.createDirectories(directory);
			frameWriter = new FrameFileWriter(DirectIo.probe(directory), writers);
		}
		return frameWriter;
	}

	/** Stops the writer threads; a write in progress finishes, later writes fail. */
	@Override
	public void close() {
		writers.shutdown();
	}

	/** @return whether the id has the form of the engine's job ids (so it can name a directory safely) */
	static boolean isJobId(String id) {
		return id != null && JOB_ID.matcher(id).matches();
	}

	Path directory() {
		return directory;
	}

	/**
	 * Starts a job directory whose frames are written as they are added, each on a writer thread, while the camera
	 * still delivers the next ones.
	 */
	BurstWriting begin(String jobId) throws IOException {
		if (!isJobId(jobId)) {
			throw new IllegalArgumentException("not a job id of this engine: " + jobId);
		}
		Files.createDirectories(directory);
		Path partial = directory.resolve(jobId + PARTIAL);
		deleteTree(partial);
		Files.createDirectory(partial);
		return new BurstWriting(jobId, partial, frameWriter());
	}

	/** One job directory being written; not thread-safe (the capture path adds its frames in order). */
	final class BurstWriting {
		private final String jobId;
		private final Path partial;
		private final FrameFileWriter frameWriter;
		private final List<Future<FrameEncoding>> frames = new ArrayList<>();

		private BurstWriting(String jobId, Path partial, FrameFileWriter frameWriter) {
			this.jobId = jobId;
			this.partial = partial;
			this.frameWriter = frameWriter;
		}

		/** Starts writing and syncing the frame; returns at once. */
		void add(RawFrame frame) {
			frames.add(frameWriter.write(partial.resolve(frameName(frames.size())), frame));
		}

		/**
		 * Waits for every frame, then writes the metadata and moves the directory into place: when this returns, the
		 * job survives a crash. On failure nothing of the job is left.
		 *
		 * @return the bytes the job takes on disk, as {@link #entry} counts them after a restart
		 */
		long finish(CapturedBurst burst, Instant acceptedAt) throws IOException {
			if (burst.frames().size() != frames.size()) {
				discard();
				throw new IllegalArgumentException("a burst of " + burst.frames().size() + " frames, but "
						+ frames.size() + " were written");
			}
			try {
				List<FrameEncoding> encodings = awaitFrames();
				byte[] metadata = SealedMetadata.seal(BurstMetadata.write(burst, acceptedAt, encodings))
					.getBytes(StandardCharsets.UTF_8);
				writeSynced(partial.resolve(BurstMetadata.FILE_NAME), ByteBuffer.wrap(metadata));
				writeSynced(partial.resolve(BurstMetadata.FILE_NAME + SealedMetadata.COPY_SUFFIX),
						ByteBuffer.wrap(metadata));
				syncDirectory(partial);
				long bytes = sizeOfTree(partial);
				Files.move(partial, directory.resolve(jobId), StandardCopyOption.ATOMIC_MOVE);
				syncDirectory(directory);
				return bytes;
			} catch (IOException | RuntimeException e) {
				deleteTree(partial);
				throw e;
			}
		}

		/** Waits for the frames under way, whatever their outcome, and deletes the directory. */
		void discard() throws IOException {
			try {
				awaitFrames();
			} catch (IOException | RuntimeException ignored) {
				// the frames are dropped anyway; only their end matters
			}
			deleteTree(partial);
		}

		/** Each frame is waited for, even after a failure, so that nothing still writes into a deleted directory. */
		private List<FrameEncoding> awaitFrames() throws IOException {
			List<FrameEncoding> encodings = new ArrayList<>();
			Throwable failure = null;
			boolean interrupted = false;
			for (Future<FrameEncoding> frame : frames) {
				while (true) {
					try {
						encodings.add(frame.get());
						break;
					} catch (InterruptedException e) {
						interrupted = true;
					} catch (ExecutionException e) {
						failure = failure == null ? e.getCause() : failure;
						break;
					}
				}
			}
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
			if (failure instanceof IOException e) {
				throw e;
			}
			if (failure instanceof RuntimeException e) {
				throw e;
			}
			if (failure != null) {
				throw new IOException("a spool writer failed", failure);
			}
			return encodings;
		}
	}

	/** Reads a job's burst back; its frames live in heap buffers. */
	BurstMetadata.Stored read(String jobId) throws IOException {
		Path job = jobDirectory(jobId);
		String text = SealedMetadata.read(job, BurstMetadata.FILE_NAME);
		return BurstMetadata.read(text, i -> {
			Path frame = job.resolve(frameName(i));
			if (!Files.exists(frame)) {
				throw new IllegalStateException("spool of job " + jobId + " lacks frame " + i);
			}
			return ByteBuffer.wrap(Files.readAllBytes(frame));
		});
	}

	/**
	 * What the spool knows of a job without reading its frames.
	 *
	 * @param damage what was wrong with a side file that was read around (the frames are intact), or null
	 */
	record Entry(String jobId, Instant capturedAt, Instant acceptedAt, int interruptedAttempts, long bytes,
			String damage) {
	}

	/** @return the job's entry; throws NoSuchFileException when the job has no spool */
	Entry entry(String jobId) throws IOException {
		Path job = jobDirectory(jobId);
		String text = SealedMetadata.read(job, BurstMetadata.FILE_NAME);
		int attempts = 0;
		String damage = null;
		try {
			attempts = interruptedAttempts(jobId);
		} catch (IOException e) {
			// The count guards against a burst that crashes the process; counting again from 0 still bounds that.
			damage = e.getMessage() + "; counted again from 0";
		}
		return new Entry(jobId, BurstMetadata.capturedAt(text), BurstMetadata.acceptedAt(text), attempts,
				sizeOfTree(job), damage);
	}

	boolean contains(String jobId) {
		return isJobId(jobId) && SealedMetadata.exists(directory.resolve(jobId), BurstMetadata.FILE_NAME);
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
			writeFully(channel, data);
			channel.force(true);
		}
	}

	private static void writeFully(FileChannel channel, ByteBuffer data) throws IOException {
		while (data.hasRemaining()) {
			channel.write(data);
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
		} catch (UncheckedIOException e) {
			throw e.getCause(); // a file that went during the walk: an I/O failure like the others
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
