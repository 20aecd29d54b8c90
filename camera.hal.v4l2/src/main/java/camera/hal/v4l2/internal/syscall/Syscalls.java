package camera.hal.v4l2.internal.syscall;

import java.lang.foreign.MemorySegment;

/**
 * The few Linux system calls a V4L2 camera needs. Everything above this seam is plain Java, so it can be tested
 * against a replay of calls recorded on a real driver. Each failing call throws {@link SyscallException} with
 * the errno the kernel gave.
 */
public interface Syscalls {

	int O_RDWR = 0x2;
	int O_NONBLOCK = 0x800;
	int O_CLOEXEC = 0x80000;

	short POLLIN = 0x1;
	short POLLERR = 0x8;
	short POLLHUP = 0x10;
	short POLLNVAL = 0x20;

	/** @return the new file descriptor */
	int open(String path, int flags);

	void close(int fd);

	/**
	 * Runs {@code ioctl(fd, request, argument)}; the kernel reads and writes the argument in place.
	 *
	 * @return the non-negative result
	 */
	int ioctl(int fd, long request, MemorySegment argument);

	/** Maps {@code length} bytes of the device at {@code offset}, shared, readable and writable. */
	MemorySegment mmap(int fd, long length, long offset);

	/** Unmaps a segment {@link #mmap} returned. */
	void munmap(MemorySegment mapping);

	/**
	 * Waits for one of {@code events} on {@code fd}.
	 *
	 * @return the events that happened, 0 when the timeout passed (or a signal interrupted the wait)
	 */
	short poll(int fd, short events, int timeoutMillis);
}
