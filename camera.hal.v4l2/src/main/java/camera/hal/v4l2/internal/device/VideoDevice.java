package camera.hal.v4l2.internal.device;

import static camera.hal.v4l2.internal.device.V4l2Requests.BUF_TYPE_VIDEO_CAPTURE;
import static camera.hal.v4l2.internal.device.V4l2Requests.MEMORY_MMAP;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import camera.api.Size;
import camera.hal.v4l2.internal.syscall.SyscallException;
import camera.hal.v4l2.internal.syscall.Syscalls;

/**
 * One open V4L2 device node: each method is one ioctl (or an enumeration of them). It keeps no state but the file
 * descriptor, so a stream's thread may wait for frames while other threads queue buffers back (the kernel
 * serializes the ioctls of one queue); ordering them is the caller's job. Failures are {@link SyscallException}s
 * carrying the kernel's errno.
 */
public final class VideoDevice implements AutoCloseable {
	private static final VarHandle CAPABILITIES = V4l2Structures.field(V4l2Structures.CAPABILITY, "capabilities");
	private static final VarHandle DEVICE_CAPS = V4l2Structures.field(V4l2Structures.CAPABILITY, "device_caps");
	private static final VarHandle FORMAT_INDEX = V4l2Structures.field(V4l2Structures.FORMAT_DESCRIPTION, "index");
	private static final VarHandle FORMAT_TYPE = V4l2Structures.field(V4l2Structures.FORMAT_DESCRIPTION, "type");
	private static final VarHandle FORMAT_PIXELFORMAT = V4l2Structures.field(V4l2Structures.FORMAT_DESCRIPTION,
			"pixelformat");
	private static final VarHandle SIZE_INDEX = V4l2Structures.field(V4l2Structures.FRAME_SIZE_ENUMERATION, "index");
	private static final VarHandle SIZE_FORMAT = V4l2Structures.field(V4l2Structures.FRAME_SIZE_ENUMERATION,
			"pixel_format");
	private static final VarHandle SIZE_TYPE = V4l2Structures.field(V4l2Structures.FRAME_SIZE_ENUMERATION, "type");
	private static final VarHandle DISCRETE_WIDTH = V4l2Structures.field(V4l2Structures.FRAME_SIZE_ENUMERATION,
			"size", "discrete", "width");
	private static final VarHandle DISCRETE_HEIGHT = V4l2Structures.field(V4l2Structures.FRAME_SIZE_ENUMERATION,
			"size", "discrete", "height");
	private static final VarHandle MAX_WIDTH = V4l2Structures.field(V4l2Structures.FRAME_SIZE_ENUMERATION, "size",
			"stepwise", "max_width");
	private static final VarHandle MAX_HEIGHT = V4l2Structures.field(V4l2Structures.FRAME_SIZE_ENUMERATION, "size",
			"stepwise", "max_height");
	private static final VarHandle MIN_WIDTH = V4l2Structures.field(V4l2Structures.FRAME_SIZE_ENUMERATION, "size",
			"stepwise", "min_width");
	private static final VarHandle MIN_HEIGHT = V4l2Structures.field(V4l2Structures.FRAME_SIZE_ENUMERATION, "size",
			"stepwise", "min_height");
	private static final VarHandle FMT_TYPE = V4l2Structures.field(V4l2Structures.FORMAT, "type");
	private static final VarHandle PIX_WIDTH = V4l2Structures.field(V4l2Structures.FORMAT, "fmt", "pix", "width");
	private static final VarHandle PIX_HEIGHT = V4l2Structures.field(V4l2Structures.FORMAT, "fmt", "pix", "height");
	private static final VarHandle PIX_FORMAT = V4l2Structures.field(V4l2Structures.FORMAT, "fmt", "pix",
			"pixelformat");
	private static final VarHandle PIX_FIELD = V4l2Structures.field(V4l2Structures.FORMAT, "fmt", "pix", "field");
	private static final VarHandle PIX_BYTES_PER_LINE = V4l2Structures.field(V4l2Structures.FORMAT, "fmt", "pix",
			"bytesperline");
	private static final VarHandle PIX_SIZE_IMAGE = V4l2Structures.field(V4l2Structures.FORMAT, "fmt", "pix",
			"sizeimage");
	private static final VarHandle REQUEST_COUNT = V4l2Structures.field(V4l2Structures.REQUEST_BUFFERS, "count");
	private static final VarHandle REQUEST_TYPE = V4l2Structures.field(V4l2Structures.REQUEST_BUFFERS, "type");
	private static final VarHandle REQUEST_MEMORY = V4l2Structures.field(V4l2Structures.REQUEST_BUFFERS, "memory");
	private static final VarHandle BUFFER_INDEX = V4l2Structures.field(V4l2Structures.BUFFER, "index");
	private static final VarHandle BUFFER_TYPE = V4l2Structures.field(V4l2Structures.BUFFER, "type");
	private static final VarHandle BUFFER_BYTES_USED = V4l2Structures.field(V4l2Structures.BUFFER, "bytesused");
	private static final VarHandle BUFFER_FLAGS = V4l2Structures.field(V4l2Structures.BUFFER, "flags");
	private static final VarHandle BUFFER_SECONDS = V4l2Structures.field(V4l2Structures.BUFFER, "timestamp",
			"tv_sec");
	private static final VarHandle BUFFER_MICROS = V4l2Structures.field(V4l2Structures.BUFFER, "timestamp",
			"tv_usec");
	private static final VarHandle BUFFER_SEQUENCE = V4l2Structures.field(V4l2Structures.BUFFER, "sequence");
	private static final VarHandle BUFFER_MEMORY = V4l2Structures.field(V4l2Structures.BUFFER, "memory");
	private static final VarHandle BUFFER_OFFSET = V4l2Structures.field(V4l2Structures.BUFFER, "m", "offset");
	private static final VarHandle BUFFER_LENGTH = V4l2Structures.field(V4l2Structures.BUFFER, "length");
	private static final VarHandle PARM_TYPE = V4l2Structures.field(V4l2Structures.STREAM_PARAMETERS, "type");
	private static final VarHandle PARM_NUMERATOR = V4l2Structures.field(V4l2Structures.STREAM_PARAMETERS, "parm",
			"capture", "timeperframe", "numerator");
	private static final VarHandle PARM_DENOMINATOR = V4l2Structures.field(V4l2Structures.STREAM_PARAMETERS, "parm",
			"capture", "timeperframe", "denominator");

	private final Syscalls syscalls;
	private final String path;
	private final int fd;

	private VideoDevice(Syscalls syscalls, String path, int fd) {
		this.syscalls = syscalls;
		this.path = path;
		this.fd = fd;
	}

	/** Opens a device node for reading and writing, without blocking on dequeue. */
	public static VideoDevice open(Syscalls syscalls, String path) {
		int fd = syscalls.open(path, Syscalls.O_RDWR | Syscalls.O_NONBLOCK | Syscalls.O_CLOEXEC);
		return new VideoDevice(syscalls, path, fd);
	}

	public String path() {
		return path;
	}

	/** Who the device says it is and what this node does ({@code device_caps} when the driver gives them). */
	public record Capability(String driver, String card, String busInfo, int deviceCapabilities) {
		public boolean capturesVideo() {
			return (deviceCapabilities & V4l2Requests.CAP_VIDEO_CAPTURE) != 0
					&& (deviceCapabilities & V4l2Requests.CAP_STREAMING) != 0;
		}
	}

	public Capability queryCapability() {
		try (Arena arena = Arena.ofConfined()) {
			MemorySegment capability = arena.allocate(V4l2Structures.CAPABILITY);
			syscalls.ioctl(fd, V4l2Requests.QUERYCAP, capability);
			int capabilities = (int) CAPABILITIES.get(capability);
			int deviceCaps = (capabilities & V4l2Requests.CAP_DEVICE_CAPS) != 0 ? (int) DEVICE_CAPS.get(capability)
					: capabilities;
			return new Capability(V4l2Structures.text(capability, V4l2Structures.CAPABILITY, "driver"),
					V4l2Structures.text(capability, V4l2Structures.CAPABILITY, "card"),
					V4l2Structures.text(capability, V4l2Structures.CAPABILITY, "bus_info"), deviceCaps);
		}
	}

	/** @return the pixel formats (fourcc codes) the device captures, in the driver's order */
	public List<Integer> pixelFormats() {
		List<Integer> formats = new ArrayList<>();
		try (Arena arena = Arena.ofConfined()) {
			MemorySegment description = arena.allocate(V4l2Structures.FORMAT_DESCRIPTION);
			for (int index = 0;; index++) {
				description.fill((byte) 0);
				FORMAT_INDEX.set(description, index);
				FORMAT_TYPE.set(description, BUF_TYPE_VIDEO_CAPTURE);
				if (!enumerate(V4l2Requests.ENUM_FMT, description)) {
					return formats;
				}
				formats.add((int) FORMAT_PIXELFORMAT.get(description));
			}
		}
	}

	/**
	 * @return the frame sizes of a pixel format: every size of a discrete list, or the smallest and largest of a
	 *         continuous or stepwise range
	 */
	public List<Size> frameSizes(int pixelFormat) {
		List<Size> sizes = new ArrayList<>();
		try (Arena arena = Arena.ofConfined()) {
			MemorySegment enumeration = arena.allocate(V4l2Structures.FRAME_SIZE_ENUMERATION);
			for (int index = 0;; index++) {
				enumeration.fill((byte) 0);
				SIZE_INDEX.set(enumeration, index);
				SIZE_FORMAT.set(enumeration, pixelFormat);
				if (!enumerate(V4l2Requests.ENUM_FRAMESIZES, enumeration)) {
					return sizes;
				}
				if ((int) SIZE_TYPE.get(enumeration) == V4l2Requests.FRMSIZE_TYPE_DISCRETE) {
					sizes.add(new Size((int) DISCRETE_WIDTH.get(enumeration), (int) DISCRETE_HEIGHT.get(enumeration)));
				} else {
					sizes.add(new Size((int) MAX_WIDTH.get(enumeration), (int) MAX_HEIGHT.get(enumeration)));
					sizes.add(new Size((int) MIN_WIDTH.get(enumeration), (int) MIN_HEIGHT.get(enumeration)));
					return sizes;
				}
			}
		}
	}

	/** The format the driver settled on. */
	public record PixFormat(int width, int height, int pixelFormat, int bytesPerLine, int sizeImage) {
	}

	/** Sets the capture format; the driver may adjust it, so the caller checks the result. */
	public PixFormat setFormat(Size size, int pixelFormat) {
		try (Arena arena = Arena.ofConfined()) {
			MemorySegment format = arena.allocate(V4l2Structures.FORMAT);
			FMT_TYPE.set(format, BUF_TYPE_VIDEO_CAPTURE);
			PIX_WIDTH.set(format, size.width());
			PIX_HEIGHT.set(format, size.height());
			PIX_FORMAT.set(format, pixelFormat);
			PIX_FIELD.set(format, V4l2Requests.FIELD_NONE);
			syscalls.ioctl(fd, V4l2Requests.S_FMT, format);
			return new PixFormat((int) PIX_WIDTH.get(format), (int) PIX_HEIGHT.get(format),
					(int) PIX_FORMAT.get(format), (int) PIX_BYTES_PER_LINE.get(format),
					(int) PIX_SIZE_IMAGE.get(format));
		}
	}

	/** @return the time between frames, when the driver tells */
	public Optional<Duration> framePeriod() {
		try (Arena arena = Arena.ofConfined()) {
			MemorySegment parameters = arena.allocate(V4l2Structures.STREAM_PARAMETERS);
			PARM_TYPE.set(parameters, BUF_TYPE_VIDEO_CAPTURE);
			try {
				syscalls.ioctl(fd, V4l2Requests.G_PARM, parameters);
			} catch (SyscallException e) {
				if (e.errno() == SyscallException.ENOTTY || e.errno() == SyscallException.EINVAL) {
					return Optional.empty();
				}
				throw e;
			}
			int numerator = (int) PARM_NUMERATOR.get(parameters);
			int denominator = (int) PARM_DENOMINATOR.get(parameters);
			return numerator > 0 && denominator > 0
					? Optional.of(Duration.ofNanos(1_000_000_000L * numerator / denominator))
					: Optional.empty();
		}
	}

	/** Asks for {@code count} memory-mapped buffers (0 frees them). @return how many the driver granted */
	public int requestBuffers(int count) {
		try (Arena arena = Arena.ofConfined()) {
			MemorySegment request = arena.allocate(V4l2Structures.REQUEST_BUFFERS);
			REQUEST_COUNT.set(request, count);
			REQUEST_TYPE.set(request, BUF_TYPE_VIDEO_CAPTURE);
			REQUEST_MEMORY.set(request, MEMORY_MMAP);
			syscalls.ioctl(fd, V4l2Requests.REQBUFS, request);
			return (int) REQUEST_COUNT.get(request);
		}
	}

	/** Where a buffer lives in the device's memory. */
	public record BufferPlacement(int index, long offset, long length) {
	}

	public BufferPlacement queryBuffer(int index) {
		try (Arena arena = Arena.ofConfined()) {
			MemorySegment buffer = buffer(arena, index);
			syscalls.ioctl(fd, V4l2Requests.QUERYBUF, buffer);
			return new BufferPlacement(index, Integer.toUnsignedLong((int) BUFFER_OFFSET.get(buffer)),
					Integer.toUnsignedLong((int) BUFFER_LENGTH.get(buffer)));
		}
	}

	public MemorySegment map(BufferPlacement placement) {
		return syscalls.mmap(fd, placement.length(), placement.offset());
	}

	public void unmap(MemorySegment mapping) {
		syscalls.munmap(mapping);
	}

	/** Hands a buffer to the driver to fill. */
	public void queue(int index) {
		try (Arena arena = Arena.ofConfined()) {
			syscalls.ioctl(fd, V4l2Requests.QBUF, buffer(arena, index));
		}
	}

	/** A filled buffer taken back from the driver. */
	public record FilledBuffer(int index, int bytesUsed, boolean damaged, long timestampNanos, int sequence) {
	}

	/** @return the next filled buffer, or empty when none is ready yet */
	public Optional<FilledBuffer> dequeue() {
		try (Arena arena = Arena.ofConfined()) {
			MemorySegment buffer = buffer(arena, 0);
			try {
				syscalls.ioctl(fd, V4l2Requests.DQBUF, buffer);
			} catch (SyscallException e) {
				if (e.errno() == SyscallException.EAGAIN) {
					return Optional.empty();
				}
				throw e;
			}
			long nanos = (long) BUFFER_SECONDS.get(buffer) * 1_000_000_000L + (long) BUFFER_MICROS.get(buffer) * 1_000L;
			return Optional.of(new FilledBuffer((int) BUFFER_INDEX.get(buffer), (int) BUFFER_BYTES_USED.get(buffer),
					((int) BUFFER_FLAGS.get(buffer) & V4l2Requests.BUF_FLAG_ERROR) != 0, nanos,
					(int) BUFFER_SEQUENCE.get(buffer)));
		}
	}

	public void streamOn() {
		stream(V4l2Requests.STREAMON);
	}

	public void streamOff() {
		stream(V4l2Requests.STREAMOFF);
	}

	/** @return the poll events that happened, 0 when the timeout passed */
	public short awaitFrame(Duration timeout) {
		return syscalls.poll(fd, Syscalls.POLLIN, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
	}

	@Override
	public void close() {
		syscalls.close(fd);
	}

	private void stream(long request) {
		try (Arena arena = Arena.ofConfined()) {
			MemorySegment type = arena.allocate(ValueLayout.JAVA_INT);
			type.set(ValueLayout.JAVA_INT, 0, BUF_TYPE_VIDEO_CAPTURE);
			syscalls.ioctl(fd, request, type);
		}
	}

	private static MemorySegment buffer(Arena arena, int index) {
		MemorySegment buffer = arena.allocate(V4l2Structures.BUFFER);
		BUFFER_INDEX.set(buffer, index);
		BUFFER_TYPE.set(buffer, BUF_TYPE_VIDEO_CAPTURE);
		BUFFER_MEMORY.set(buffer, MEMORY_MMAP);
		return buffer;
	}

	/** @return false when the driver says the index is past the end (EINVAL) */
	private boolean enumerate(long request, MemorySegment argument) {
		try {
			syscalls.ioctl(fd, request, argument);
			return true;
		} catch (SyscallException e) {
			if (e.errno() == SyscallException.EINVAL) {
				return false;
			}
			throw e;
		}
	}
}
