package camera.hal.v4l2.internal.syscall;

import java.util.Map;

/** A system call failed; {@link #errno()} says why. */
public final class SyscallException extends RuntimeException {
	private static final long serialVersionUID = 1L;

	public static final int ENOENT = 2;
	public static final int EINTR = 4;
	public static final int EIO = 5;
	public static final int ENXIO = 6;
	public static final int EAGAIN = 11;
	public static final int ENOMEM = 12;
	public static final int EACCES = 13;
	public static final int EBUSY = 16;
	public static final int ENODEV = 19;
	public static final int EINVAL = 22;
	public static final int ENOTTY = 25;

	private static final Map<Integer, String> NAMES = Map.ofEntries(Map.entry(ENOENT, "ENOENT"),
			Map.entry(EINTR, "EINTR"), Map.entry(EIO, "EIO"), Map.entry(ENXIO, "ENXIO"), Map.entry(EAGAIN, "EAGAIN"),
			Map.entry(ENOMEM, "ENOMEM"), Map.entry(EACCES, "EACCES"), Map.entry(EBUSY, "EBUSY"),
			Map.entry(ENODEV, "ENODEV"), Map.entry(EINVAL, "EINVAL"), Map.entry(ENOTTY, "ENOTTY"));

	private final int errno;

	public SyscallException(String call, int errno) {
		super(call + " failed: " + name(errno));
		this.errno = errno;
	}

	public int errno() {
		return errno;
	}

	/** @return the symbolic name of an errno, e.g. {@code ENODEV}, or {@code errno N} for others */
	public static String name(int errno) {
		return NAMES.getOrDefault(errno, "errno " + errno);
	}

	/** @return the errno with that symbolic name */
	public static int valueOf(String name) {
		return NAMES.entrySet().stream().filter(e -> e.getValue().equals(name)).findFirst()
				.map(Map.Entry::getKey)
				.orElseGet(() -> Integer.parseInt(name.substring("errno ".length())));
	}
}
