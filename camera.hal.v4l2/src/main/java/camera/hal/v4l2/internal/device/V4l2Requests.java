package camera.hal.v4l2.internal.device;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.ValueLayout;

/**
 * The ioctl request numbers and constants of {@code linux/videodev2.h}. The numbers are computed as the
 * kernel's {@code _IOR/_IOW/_IOWR('V', nr, type)} macros do, from the structure layouts, so a wrong layout size
 * shows up as a wrong request number.
 */
public final class V4l2Requests {
	private V4l2Requests() {
	}

	public static final long QUERYCAP = read(0, V4l2Structures.CAPABILITY);
	public static final long ENUM_FMT = readWrite(2, V4l2Structures.FORMAT_DESCRIPTION);
	public static final long G_FMT = readWrite(4, V4l2Structures.FORMAT);
	public static final long S_FMT = readWrite(5, V4l2Structures.FORMAT);
	public static final long REQBUFS = readWrite(8, V4l2Structures.REQUEST_BUFFERS);
	public static final long QUERYBUF = readWrite(9, V4l2Structures.BUFFER);
	public static final long QBUF = readWrite(15, V4l2Structures.BUFFER);
	public static final long DQBUF = readWrite(17, V4l2Structures.BUFFER);
	public static final long STREAMON = write(18, ValueLayout.JAVA_INT);
	public static final long STREAMOFF = write(19, ValueLayout.JAVA_INT);
	public static final long G_PARM = readWrite(21, V4l2Structures.STREAM_PARAMETERS);
	public static final long ENUM_FRAMESIZES = readWrite(74, V4l2Structures.FRAME_SIZE_ENUMERATION);

	public static final int CAP_VIDEO_CAPTURE = 0x1;
	public static final int CAP_STREAMING = 0x04000000;
	public static final int CAP_DEVICE_CAPS = 0x80000000;
	public static final int BUF_TYPE_VIDEO_CAPTURE = 1;
	public static final int MEMORY_MMAP = 1;
	public static final int FIELD_NONE = 1;
	public static final int BUF_FLAG_ERROR = 0x40;
	public static final int FRMSIZE_TYPE_DISCRETE = 1;

	public static final int PIX_FMT_YUYV = fourcc("YUYV");
	public static final int PIX_FMT_MJPEG = fourcc("MJPG");
	public static final int PIX_FMT_JPEG = fourcc("JPEG");

	private static final int WRITE = 1;
	private static final int READ = 2;

	/** @return a request's name for traces and logs, e.g. {@code DQBUF} */
	public static String name(long request) {
		for (var field : V4l2Requests.class.getFields()) {
			try {
				if (field.getType() == long.class && field.getLong(null) == request) {
					return field.getName();
				}
			} catch (IllegalAccessException e) {
				throw new IllegalStateException(e);
			}
		}
		return "0x" + Long.toHexString(request);
	}

	/** @return the request with that name (or hexadecimal number) */
	public static long valueOf(String name) {
		if (name.startsWith("0x")) {
			return Long.parseLong(name.substring(2), 16);
		}
		try {
			return V4l2Requests.class.getField(name).getLong(null);
		} catch (ReflectiveOperationException e) {
			throw new IllegalArgumentException("no V4L2 request " + name, e);
		}
	}

	static int fourcc(String code) {
		return code.charAt(0) | code.charAt(1) << 8 | code.charAt(2) << 16 | code.charAt(3) << 24;
	}

	private static long read(int number, MemoryLayout argument) {
		return request(READ, number, argument);
	}

	private static long write(int number, MemoryLayout argument) {
		return request(WRITE, number, argument);
	}

	private static long readWrite(int number, MemoryLayout argument) {
		return request(READ | WRITE, number, argument);
	}

	private static long request(int direction, int number, MemoryLayout argument) {
		return (long) direction << 30 | argument.byteSize() << 16 | 'V' << 8 | number;
	}
}
