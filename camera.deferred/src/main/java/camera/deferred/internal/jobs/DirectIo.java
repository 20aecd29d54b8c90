package camera.deferred.internal.jobs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import com.sun.nio.file.ExtendedOpenOption;

/**
 * Whether the spool's file system takes direct I/O (O_DIRECT), found by trying it once. A direct write goes from
 * the writer's buffer to the disk, without the copy into the page cache and the write-back after it, which cost
 * the capture path as much CPU as packing the frame. Buffers, file positions and lengths must then be multiples of
 * the {@link #alignment}. File systems without it (tmpfs) and runtimes without {@code com.sun.nio.file} get
 * ordinary writes, with an alignment of one byte.
 */
record DirectIo(boolean enabled, int alignment) {
	static final DirectIo OFF = new DirectIo(false, 1);

	/** Larger blocks than this are not worth aligning to. */
	private static final int LARGEST_BLOCK = 1 << 16;
	private static final String PROBE_FILE = ".direct-io-probe";

	/** @return direct I/O with the directory's block size when a direct write there succeeds, else {@link #OFF} */
	static DirectIo probe(Path directory) {
		try {
			long block = Files.getFileStore(directory).getBlockSize();
			if (block <= 0 || block > LARGEST_BLOCK || Long.bitCount(block) != 1) {
				return OFF;
			}
			DirectIo direct = new DirectIo(true, (int) block);
			Path probe = directory.resolve(PROBE_FILE);
			try (FileChannel channel = FileChannel.open(probe, direct.writeOptions())) {
				ByteBuffer oneBlock = ByteBuffer.allocateDirect(2 * direct.alignment()).alignedSlice(direct.alignment());
				channel.write(oneBlock.limit(direct.alignment()), 0);
			} finally {
				Files.deleteIfExists(probe);
			}
			return direct;
		} catch (IOException | UnsupportedOperationException | LinkageError e) {
			return OFF;
		}
	}

	/** @return the options that open a frame file for writing, from its start */
	OpenOption[] writeOptions() {
		return enabled
				? new OpenOption[] { StandardOpenOption.CREATE, StandardOpenOption.WRITE,
						StandardOpenOption.TRUNCATE_EXISTING, ExtendedOpenOption.DIRECT }
				: new OpenOption[] { StandardOpenOption.CREATE, StandardOpenOption.WRITE,
						StandardOpenOption.TRUNCATE_EXISTING };
	}

	@Override
	public String toString() {
		return enabled ? "direct I/O in " + alignment + "-byte blocks" : "buffered I/O";
	}
}
