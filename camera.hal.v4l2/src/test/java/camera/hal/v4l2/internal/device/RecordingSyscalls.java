package camera.hal.v4l2.internal.device;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

import java.io.PrintWriter;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

import camera.hal.v4l2.internal.syscall.SyscallException;
import camera.hal.v4l2.internal.syscall.Syscalls;

/** Passes every call to the real system calls and writes it to a trace ({@link TraceFormat}). */
public final class RecordingSyscalls implements Syscalls {
	private static final long BYTES_USED = V4l2Structures.BUFFER.byteOffset(groupElement("bytesused"));
	private static final long OFFSET = V4l2Structures.BUFFER.byteOffset(groupElement("m"));

	private record Mapping(String id, int fd, long offset, MemorySegment segment) {
	}

	private final Syscalls real;
	private final PrintWriter trace;
	private final List<Mapping> mappings = new ArrayList<>();
	private int mappingsMade;

	public RecordingSyscalls(Syscalls real, PrintWriter trace) {
		this.real = real;
		this.trace = trace;
	}

	@Override
	public synchronized int open(String path, int flags) {
		try {
			int fd = real.open(path, flags);
			trace.println("open " + path + " = " + fd);
			return fd;
		} catch (SyscallException e) {
			trace.println("open " + path + " = " + SyscallException.name(e.errno()));
			throw e;
		}
	}

	@Override
	public synchronized void close(int fd) {
		trace.println("close " + fd);
		real.close(fd);
	}

	@Override
	public synchronized int ioctl(int fd, long request, MemorySegment argument) {
		String call = "ioctl " + fd + " " + V4l2Requests.name(request) + " "
				+ TraceFormat.HEX.formatHex(argument.toArray(ValueLayout.JAVA_BYTE));
		try {
			int result = real.ioctl(fd, request, argument);
			trace.println(call + " = " + result + " " + TraceFormat.HEX.formatHex(argument.toArray(ValueLayout.JAVA_BYTE)));
			if (request == V4l2Requests.DQBUF) {
				recordFilled(fd, argument);
			}
			return result;
		} catch (SyscallException e) {
			trace.println(call + " = " + SyscallException.name(e.errno()));
			throw e;
		}
	}

	@Override
	public synchronized MemorySegment mmap(int fd, long length, long offset) {
		MemorySegment segment = real.mmap(fd, length, offset);
		Mapping mapping = new Mapping("m" + mappingsMade++, fd, offset, segment);
		mappings.add(mapping);
		trace.println("mmap " + fd + " " + length + " " + offset + " = " + mapping.id());
		return segment;
	}

	@Override
	public synchronized void munmap(MemorySegment segment) {
		Mapping mapping = mappings.stream().filter(m -> m.segment().address() == segment.address()).findFirst()
				.orElseThrow(() -> new IllegalStateException("munmap of a segment mmap did not return"));
		mappings.remove(mapping);
		trace.println("munmap " + mapping.id());
		real.munmap(segment);
	}

	@Override
	public short poll(int fd, short events, int timeoutMillis) {
		short happened = real.poll(fd, events, timeoutMillis);
		synchronized (this) {
			trace.println("poll " + fd + " = 0x" + Integer.toHexString(happened & 0xffff));
		}
		return happened;
	}

	private void recordFilled(int fd, MemorySegment buffer) {
		long offset = Integer.toUnsignedLong(buffer.get(ValueLayout.JAVA_INT, OFFSET));
		int bytesUsed = buffer.get(ValueLayout.JAVA_INT, BYTES_USED);
		mappings.stream().filter(m -> m.fd() == fd && m.offset() == offset).findFirst().ifPresent(mapping -> trace
				.println("data " + mapping.id() + " " + TraceFormat.pack(mapping.segment().asSlice(0, bytesUsed)
						.toArray(ValueLayout.JAVA_BYTE))));
	}
}
