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

import camera.api.hal.RawFrame;

/**
 * Writes one frame into its spool file and syncs it. A frame that packs to 12 bits is cut into parts of whole
 * rows, each packed and written on its own writer thread at its place in the file, so that the last frame of a
 * burst, which the capture waits for, is written on every core; the file is synced once every part is in. Parts
 * begin at block boundaries and are written from aligned native buffers, so that {@link DirectIo} can take them.
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

	/** @return the frame's encoding once its file is written and synced; fails with the IOException as cause */
	CompletableFuture<FrameEncoding> write(Path file, RawFrame frame) {
		if (FrameEncoding.preferredFor(frame) != FrameEncoding.PACKED_12) {
			return submit(() -> writeWhole(file, frame));
		}
		FileChannel channel;
		try {
			channel = FileChannel.open(file, io.writeOptions());
		} catch (IOException e) {
			return CompletableFuture.failedFuture(e);
		}
		int rowBytes = TwelveBitPacking.rowBytes(frame.width());
		List<CompletableFuture<Boolean>> parts = new ArrayList<>();
		int rowsPerPart = rowsPerPart(frame.height(), rowBytes);
		for (int first = 0; first < frame.height(); first += rowsPerPart) {
			int firstRow = first;
			int endRow = Math.min(frame.height(), first + rowsPerPart);
			parts.add(submit(() -> writePart(channel, frame, firstRow, endRow)));
		}
		CompletableFuture<FrameEncoding> written = new CompletableFuture<>();
		// Finishes on the thread of the last part to end: every part has stopped touching the channel by then.
		CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).whenComplete((ignored, failure) -> {
			try {
				written.complete(finish(channel, file, frame, parts));
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

	/** @return false, having written part of the rows, when a sample needs more than 12 bits */
	private boolean writePart(FileChannel channel, RawFrame frame, int firstRow, int endRow) throws IOException {
		int alignment = io.alignment();
		int rowBytes = TwelveBitPacking.rowBytes(frame.width());
		int fill = Math.max(CHUNK_BYTES, rowBytes + alignment);
		byte[] row = new byte[frame.width() * 2];
		long position = (long) firstRow * rowBytes;
		try (Arena arena = Arena.ofConfined()) {
			ByteBuffer buffer = arena.allocate(fill + alignment + TwelveBitPacking.SLACK, alignment).asByteBuffer()
					.order(ByteOrder.LITTLE_ENDIAN);
			int filled = 0;
			for (int y = firstRow; y < endRow;) {
				int rows = Math.min(endRow - y, (fill - filled) / rowBytes);
				if (!TwelveBitPacking.pack(frame, y, rows, row, buffer, filled)) {
					return false;
				}
				filled += rows * rowBytes;
				y += rows;
				// Whole blocks go now and the rest waits for the next rows; only the frame's last block is padded,
				// and finish() cuts the file back to its length.
				int whole = y < endRow ? filled - filled % alignment : Math.ceilDiv(filled, alignment) * alignment;
				for (int i = filled; i < whole; i++) {
					buffer.put(i, (byte) 0);
				}
				ByteBuffer out = buffer.slice(0, whole);
				while (out.hasRemaining()) {
					position += channel.write(out, position);
				}
				int carried = Math.max(0, filled - whole);
				buffer.put(0, buffer, whole, carried);
				filled = carried;
			}
			return true;
		}
	}

	private FrameEncoding finish(FileChannel channel, Path file, RawFrame frame,
			List<CompletableFuture<Boolean>> parts) throws IOException {
		boolean packed = true;
		try (channel) {
			for (CompletableFuture<Boolean> part : parts) {
				packed &= outcome(part);
			}
			if (packed) {
				channel.truncate((long) TwelveBitPacking.rowBytes(frame.width()) * frame.height());
				channel.force(true);
				return FrameEncoding.PACKED_12;
			}
		}
		// A sample above 12 bits despite the white level: the frame is kept whole instead.
		return writeWhole(file, frame);
	}

	private static FrameEncoding writeWhole(Path file, RawFrame frame) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING)) {
			ByteBuffer data = frame.data().duplicate().position(0);
			while (data.hasRemaining()) {
				channel.write(data);
			}
			channel.force(true);
			return FrameEncoding.RAW;
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
