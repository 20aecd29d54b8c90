package camera.deferred.internal.jobs;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.zip.CRC32C;

import camera.api.hal.RawFrame;

/**
 * Writes one frame into its spool file, checksummed, and syncs it when asked to. A frame that packs to 12 bits is
 * cut into parts of whole rows, each packed, checksummed and written on its own writer thread at its place in the
 * file, so that the last frame of a burst, which the capture waits for, is written on every core; the file is
 * synced once every part is in. Parts begin at block boundaries and are written from aligned native buffers, so
 * that {@link DirectIo} can take them.
 */
final class FrameFileWriter {
	/** Parts a packed frame is cut into at most. */
	static final int PARTS = 4;
	/** Packed bytes a part hands to the file system at a time. */
	private static final int CHUNK_BYTES = 1 << 20;

	private final DirectIo io;
	private final Executor writers;

	FrameFileWriter(DirectIo io, Executor writers) {
		this.io = io;
		this.writers = writers;
	}

	DirectIo io() {
		return io;
	}

	/** How a frame's file holds its pixels and the checksums of what it holds. */
	record Written(FrameEncoding encoding, FrameChecksums checksums) {
	}

	/** What one part wrote: whether every sample fitted in 12 bits, and the checksum of its bytes. */
	private record Part(boolean packed, int checksum) {
	}

	/**
	 * @param sync whether the file is synced before the frame counts as written (else the kernel holds it)
	 * @return the frame's encoding and checksums once its file is written; fails with the IOException as cause
	 */
	CompletableFuture<Written> write(Path file, RawFrame frame, boolean sync) {
		if (FrameEncoding.preferredFor(frame) != FrameEncoding.PACKED_12) {
			return submit(() -> writeWhole(file, frame, sync));
		}
		FileChannel channel;
		try {
			channel = FileChannel.open(file, io.writeOptions());
		} catch (IOException e) {
			return CompletableFuture.failedFuture(e);
		}
		int rowBytes = TwelveBitPacking.rowBytes(frame.width());
		List<CompletableFuture<Part>> parts = new ArrayList<>();
		int rowsPerPart = rowsPerPart(frame.height(), rowBytes);
		for (int first = 0; first < frame.height(); first += rowsPerPart) {
			int firstRow = first;
			int endRow = Math.min(frame.height(), first + rowsPerPart);
			parts.add(submit(() -> writePart(channel, frame, firstRow, endRow)));
		}
		CompletableFuture<Written> written = new CompletableFuture<>();
		int span = rowsPerPart * rowBytes;
		// Finishes on the thread of the last part to end: every part has stopped touching the channel by then.
		CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).whenComplete((ignored, failure) -> {
			try {
				written.complete(finish(channel, file, frame, parts, span, sync));
			} catch (IOException | RuntimeException e) {
				written.completeExceptionally(e);
			}
		});
		return written;
	}

	/** Parts start on a row whose packed offset is a multiple of the alignment. */
	private int rowsPerPart(int height, int rowBytes) {
		int rowStep = io.alignment() / Math.min(io.alignment(), Integer.lowestOneBit(rowBytes));
		int rows = Math.ceilDiv(Math.ceilDiv(height, PARTS), rowStep) * rowStep;
		return Math.min(height, rows);
	}

	/** @return not packed, having written part of the rows, when a sample needs more than 12 bits */
	private Part writePart(FileChannel channel, RawFrame frame, int firstRow, int endRow) throws IOException {
		int alignment = io.alignment();
		int rowBytes = TwelveBitPacking.rowBytes(frame.width());
		int fill = Math.max(CHUNK_BYTES, rowBytes + alignment);
		byte[] row = new byte[frame.width() * 2];
		long position = (long) firstRow * rowBytes;
		CRC32C checksum = new CRC32C();
		try (Arena arena = Arena.ofConfined()) {
			ByteBuffer buffer = arena.allocate(fill + alignment + TwelveBitPacking.SLACK, alignment).asByteBuffer()
					.order(ByteOrder.LITTLE_ENDIAN);
			int filled = 0;
			for (int y = firstRow; y < endRow;) {
				int rows = Math.min(endRow - y, (fill - filled) / rowBytes);
				if (!TwelveBitPacking.pack(frame, y, rows, row, buffer, filled)) {
					return new Part(false, 0);
				}
				filled += rows * rowBytes;
				y += rows;
				// Whole blocks go now and the rest waits for the next rows; only the frame's last block is padded,
				// and finish() cuts the file back to its length.
				int whole = y < endRow ? filled - filled % alignment : Math.ceilDiv(filled, alignment) * alignment;
				for (int i = filled; i < whole; i++) {
					buffer.put(i, (byte) 0);
				}
				// The padding is cut off again: only the frame's own bytes are checksummed.
				checksum.update(buffer.slice(0, Math.min(whole, filled)));
				ByteBuffer out = buffer.slice(0, whole);
				while (out.hasRemaining()) {
					position += channel.write(out, position);
				}
				int carried = Math.max(0, filled - whole);
				buffer.put(0, buffer, whole, carried);
				filled = carried;
			}
			return new Part(true, (int) checksum.getValue());
		}
	}

	private Written finish(FileChannel channel, Path file, RawFrame frame, List<CompletableFuture<Part>> parts,
			int span, boolean sync) throws IOException {
		boolean packed = true;
		List<Integer> checksums = new ArrayList<>();
		try (channel) {
			for (CompletableFuture<Part> part : parts) {
				Part written = outcome(part);
				packed &= written.packed();
				checksums.add(written.checksum());
			}
			if (packed) {
				long length = (long) TwelveBitPacking.rowBytes(frame.width()) * frame.height();
				channel.truncate(length);
				if (sync) {
					channel.force(true);
				}
				return new Written(FrameEncoding.PACKED_12, new FrameChecksums(length, span, checksums));
			}
		}
		// A sample above 12 bits despite the white level: the frame is kept whole instead.
		return writeWhole(file, frame, sync);
	}

	private static Written writeWhole(Path file, RawFrame frame, boolean sync) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING)) {
			ByteBuffer data = frame.data().duplicate().position(0);
			FrameChecksums checksums = FrameChecksums.of(data, Math.max(1, data.remaining()));
			while (data.hasRemaining()) {
				channel.write(data);
			}
			if (sync) {
				channel.force(true);
			}
			return new Written(FrameEncoding.RAW, checksums);
		}
	}

	/** @return the part's result; its failure is rethrown as it was */
	private static <T> T outcome(CompletableFuture<T> done) throws IOException {
		try {
			return done.get();
		} catch (ExecutionException | CompletionException e) {
			switch (e.getCause()) {
				case IOException io -> throw io;
				case RuntimeException runtime -> throw runtime;
				case Error error -> throw error;
				default -> throw new IOException("a spool writer failed", e.getCause());
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while writing a frame", e);
		}
	}

	@FunctionalInterface
	private interface IoTask<T> {
		T run() throws IOException;
	}

	/** @return the task's result, run on a writer; a spool that is closed fails it with an IOException */
	private <T> CompletableFuture<T> submit(IoTask<T> task) {
		CompletableFuture<T> result = new CompletableFuture<>();
		try {
			writers.execute(() -> {
				try {
					result.complete(task.run());
				} catch (Throwable e) {
					result.completeExceptionally(e);
				}
			});
		} catch (RejectedExecutionException e) {
			result.completeExceptionally(new IOException("the spool is closed", e));
		}
		return result;
	}
}
