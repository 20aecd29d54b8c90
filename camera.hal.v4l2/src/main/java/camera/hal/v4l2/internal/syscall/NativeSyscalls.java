package camera.hal.v4l2.internal.syscall;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/** The system calls of the C library, called through the Foreign Function and Memory API. Thread-safe. */
public final class NativeSyscalls implements Syscalls {
	private static final Linker LINKER = Linker.nativeLinker();
	private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
	private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
	private static final int PROT_READ_WRITE = 0x3;
	private static final int MAP_SHARED = 0x1;
	private static final StructLayout POLL_FD = MemoryLayout.structLayout(JAVA_INT.withName("fd"),
			JAVA_SHORT.withName("events"), JAVA_SHORT.withName("revents"));

	private final MethodHandle open = function("open", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
	private final MethodHandle close = function("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
	// ioctl is variadic after the request: the argument must be passed the variadic way.
	private final MethodHandle ioctl = function("ioctl", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS),
			Linker.Option.firstVariadicArg(2));
	private final MethodHandle mmap = function("mmap",
			FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
	private final MethodHandle munmap = function("munmap", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG));
	private final MethodHandle poll = function("poll", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));

	@Override
	public int open(String path, int flags) {
		try (Arena arena = Arena.ofConfined()) {
			MemorySegment state = arena.allocate(CALL_STATE);
			int fd = (int) open.invokeExact(state, arena.allocateFrom(path), flags);
			return check("open " + path, fd, state);
		} catch (Throwable e) {
			throw rethrow(e);
		}
	}

	@Override
	public void close(int fd) {
		try (Arena arena = Arena.ofConfined()) {
			MemorySegment state = arena.allocate(CALL_STATE);
			check("close", (int) close.invokeExact(state, fd), state);
		} catch (Throwable e) {
			throw rethrow(e);
		}
	}

	@Override
	public int ioctl(int fd, long request, MemorySegment argument) {
		try (Arena arena = Arena.ofConfined()) {
			MemorySegment state = arena.allocate(CALL_STATE);
			int result = (int) ioctl.invokeExact(state, fd, request, argument);
			return check("ioctl 0x" + Long.toHexString(request), result, state);
		} catch (Throwable e) {
			throw rethrow(e);
		}
	}

	@Override
	public MemorySegment mmap(int fd, long length, long offset) {
		try (Arena arena = Arena.ofConfined()) {
			MemorySegment state = arena.allocate(CALL_STATE);
			MemorySegment address = (MemorySegment) mmap.invokeExact(state, MemorySegment.NULL, length,
					PROT_READ_WRITE, MAP_SHARED, fd, offset);
			if (address.address() == -1L) {
				throw new SyscallException("mmap", errno(state));
			}
			return address.reinterpret(length);
		} catch (Throwable e) {
			throw rethrow(e);
		}
	}

	@Override
	public void munmap(MemorySegment mapping) {
		try (Arena arena = Arena.ofConfined()) {
			MemorySegment state = arena.allocate(CALL_STATE);
			check("munmap", (int) munmap.invokeExact(state, mapping, mapping.byteSize()), state);
		} catch (Throwable e) {
			throw rethrow(e);
		}
	}

	@Override
	public short poll(int fd, short events, int timeoutMillis) {
		try (Arena arena = Arena.ofConfined()) {
			MemorySegment state = arena.allocate(CALL_STATE);
			MemorySegment pollFd = arena.allocate(POLL_FD);
			pollFd.set(JAVA_INT, 0, fd);
			pollFd.set(JAVA_SHORT, 4, events);
			int ready = (int) poll.invokeExact(state, pollFd, 1L, timeoutMillis);
			if (ready < 0 && errno(state) == SyscallException.EINTR) {
				return 0;
			}
			check("poll", ready, state);
			return pollFd.get(JAVA_SHORT, 6);
		} catch (Throwable e) {
			throw rethrow(e);
		}
	}

	private static int check(String call, int result, MemorySegment state) {
		if (result < 0) {
			throw new SyscallException(call, errno(state));
		}
		return result;
	}

	private static int errno(MemorySegment state) {
		return (int) ERRNO.get(state, 0L);
	}

	private static RuntimeException rethrow(Throwable e) {
		if (e instanceof RuntimeException runtime) {
			throw runtime;
		}
		if (e instanceof Error error) {
			throw error;
		}
		throw new IllegalStateException("native call failed", e);
	}

	private static MethodHandle function(String name, FunctionDescriptor descriptor, Linker.Option... options) {
		MemorySegment address = LINKER.defaultLookup().find(name)
				.orElseThrow(() -> new UnsupportedOperationException("the C library has no " + name));
		Linker.Option[] all = java.util.Arrays.copyOf(options, options.length + 1);
		all[options.length] = Linker.Option.captureCallState("errno");
		return LINKER.downcallHandle(address, descriptor, all);
	}
}
