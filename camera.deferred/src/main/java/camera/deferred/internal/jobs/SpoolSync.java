package camera.deferred.internal.jobs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Syncs the job directories the spool wrote without syncing, in the background and batched across photos (group
 * commit, as databases do): every job that arrived while one batch was synced goes into the next, with one sync of
 * the spool directory for the whole batch. A job deleted before its turn is skipped. Owns its thread; {@link #close}
 * syncs what is still queued before it ends.
 */
final class SpoolSync implements AutoCloseable {
	private final Path spoolDirectory;
	private final Consumer<String> failure;
	private final List<Path> queued = new ArrayList<>();
	private final Thread thread;
	private boolean closing;
	private final FileSync fileSync;

	/** How a file or directory is made durable; {@link #FSYNC} on a real disk. */
	@FunctionalInterface
	interface FileSync {
		void sync(Path path) throws IOException;
	}

	/** fsync(2) of the file or directory. */
	static final FileSync FSYNC = path -> {
		try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
			channel.force(true);
		}
	};

	/** @param failure told what could not be synced; the frames stay where the kernel holds them */
	SpoolSync(Path spoolDirectory, FileSync fileSync, Consumer<String> failure) {
		this.spoolDirectory = spoolDirectory;
		this.fileSync = fileSync;
		this.failure = failure;
		this.thread = Thread.ofPlatform().daemon().name("darkroom-spool-sync").unstarted(this::run);
	}

	/** Queues a job directory whose files and entry are to reach the disk. */
	synchronized void submit(Path jobDirectory) {
		if (closing) {
			syncNow(List.of(jobDirectory));
			return;
		}
		if (!thread.isAlive()) {
			thread.start();
		}
		queued.add(jobDirectory);
		notifyAll();
	}

	private void run() {
		while (true) {
			List<Path> batch;
			synchronized (this) {
				while (queued.isEmpty() && !closing) {
					try {
						wait();
					} catch (InterruptedException e) {
						closing = true;
					}
				}
				if (queued.isEmpty()) {
					return;
				}
				batch = List.copyOf(queued);
				queued.clear();
			}
			syncNow(batch);
		}
	}

	private void syncNow(List<Path> batch) {
		for (Path job : batch) {
			try {
				syncTree(job);
			} catch (NoSuchFileException e) {
				// Developed or deleted before its turn: nothing is left to sync.
			} catch (IOException e) {
				failure.accept("spool of job " + job.getFileName() + " could not be synced: " + e);
			}
		}
		try {
			sync(spoolDirectory);
		} catch (IOException e) {
			failure.accept("spool directory could not be synced: " + e);
		}
	}

	private void syncTree(Path job) throws IOException {
		try (DirectoryStream<Path> files = Files.newDirectoryStream(job)) {
			for (Path file : files) {
				if (Files.isRegularFile(file)) {
					try {
						sync(file);
					} catch (NoSuchFileException e) {
						// replaced meanwhile (the attempts counter), which syncs itself
					}
				}
			}
		}
		sync(job);
	}

	private void sync(Path path) throws IOException {
		fileSync.sync(path);
	}

	/** Syncs what is queued, then ends the thread. */
	@Override
	public void close() {
		synchronized (this) {
			closing = true;
			notifyAll();
		}
		if (thread.isAlive()) {
			try {
				thread.join();
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}
}
