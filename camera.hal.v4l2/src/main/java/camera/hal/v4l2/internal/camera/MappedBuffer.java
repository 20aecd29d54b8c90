package camera.hal.v4l2.internal.camera;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

import camera.hal.v4l2.internal.device.VideoDevice;

/**
 * One buffer of a stream, memory-mapped from the driver. The frames lent from it are read-only views of the
 * mapping in a shared arena of their own: unmapping closes the arena first, so a reader that kept a view past its
 * release gets an {@link IllegalStateException} instead of reading unmapped memory (which would crash the JVM).
 * Not thread-safe: {@link FrameStream} guards it.
 */
final class MappedBuffer {
	private final int index;
	private final MemorySegment mapping;
	private final Arena views = Arena.ofShared();
	private final MemorySegment readable;
	private boolean unmapped;

	MappedBuffer(int index, MemorySegment mapping) {
		this.index = index;
		this.mapping = mapping;
		this.readable = mapping.reinterpret(views, null);
	}

	int index() {
		return index;
	}

	/** @return a read-only view of the first {@code bytes} bytes the driver filled */
	ByteBuffer view(int bytes) {
		return readable.asSlice(0, Math.min(bytes, readable.byteSize())).asByteBuffer().asReadOnlyBuffer();
	}

	boolean unmapped() {
		return unmapped;
	}

	/**
	 * Ends the views, then unmaps the buffer; does nothing when it already is.
	 *
	 * @throws IllegalStateException when a view is in use by a native operation (e.g. a write of it to a file):
	 *         the buffer then stays mapped
	 * @throws camera.hal.v4l2.internal.syscall.SyscallException when munmap fails
	 */
	void unmap(VideoDevice device) {
		if (unmapped) {
			return;
		}
		views.close();
		unmapped = true;
		device.unmap(mapping);
	}
}
