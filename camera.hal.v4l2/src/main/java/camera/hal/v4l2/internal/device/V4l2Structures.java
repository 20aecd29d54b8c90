package camera.hal.v4l2.internal.device;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.MemoryLayout.paddingLayout;
import static java.lang.foreign.MemoryLayout.sequenceLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.MemoryLayout.unionLayout;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;

/** The V4L2 structures of {@code linux/videodev2.h} on x86_64 that the HAL passes to ioctls. */
final class V4l2Structures {
	private V4l2Structures() {
	}

	static final StructLayout CAPABILITY = structLayout(
			sequenceLayout(16, JAVA_BYTE).withName("driver"),
			sequenceLayout(32, JAVA_BYTE).withName("card"),
			sequenceLayout(32, JAVA_BYTE).withName("bus_info"),
			JAVA_INT.withName("version"),
			JAVA_INT.withName("capabilities"),
			JAVA_INT.withName("device_caps"),
			sequenceLayout(3, JAVA_INT).withName("reserved"));

	static final StructLayout FORMAT_DESCRIPTION = structLayout(
			JAVA_INT.withName("index"),
			JAVA_INT.withName("type"),
			JAVA_INT.withName("flags"),
			sequenceLayout(32, JAVA_BYTE).withName("description"),
			JAVA_INT.withName("pixelformat"),
			JAVA_INT.withName("mbus_code"),
			sequenceLayout(3, JAVA_INT).withName("reserved"));

	static final StructLayout FRAME_SIZE_ENUMERATION = structLayout(
			JAVA_INT.withName("index"),
			JAVA_INT.withName("pixel_format"),
			JAVA_INT.withName("type"),
			unionLayout(
					structLayout(JAVA_INT.withName("width"), JAVA_INT.withName("height")).withName("discrete"),
					structLayout(JAVA_INT.withName("min_width"), JAVA_INT.withName("max_width"),
							JAVA_INT.withName("step_width"), JAVA_INT.withName("min_height"),
							JAVA_INT.withName("max_height"), JAVA_INT.withName("step_height")).withName("stepwise"))
					.withName("size"),
			sequenceLayout(2, JAVA_INT).withName("reserved"));

	static final StructLayout PIX_FORMAT = structLayout(
			JAVA_INT.withName("width"),
			JAVA_INT.withName("height"),
			JAVA_INT.withName("pixelformat"),
			JAVA_INT.withName("field"),
			JAVA_INT.withName("bytesperline"),
			JAVA_INT.withName("sizeimage"),
			JAVA_INT.withName("colorspace"),
			JAVA_INT.withName("priv"),
			JAVA_INT.withName("flags"),
			JAVA_INT.withName("ycbcr_enc"),
			JAVA_INT.withName("quantization"),
			JAVA_INT.withName("xfer_func"));

	/** The union holds pointers (v4l2_window), so it starts 8-byte aligned after the type. */
	static final StructLayout FORMAT = structLayout(
			JAVA_INT.withName("type"),
			paddingLayout(4),
			unionLayout(PIX_FORMAT.withName("pix"), sequenceLayout(200, JAVA_BYTE).withName("raw_data"))
					.withName("fmt"));

	static final StructLayout REQUEST_BUFFERS = structLayout(
			JAVA_INT.withName("count"),
			JAVA_INT.withName("type"),
			JAVA_INT.withName("memory"),
			JAVA_INT.withName("capabilities"),
			JAVA_BYTE.withName("flags"),
			sequenceLayout(3, JAVA_BYTE).withName("reserved"));

	static final StructLayout BUFFER = structLayout(
			JAVA_INT.withName("index"),
			JAVA_INT.withName("type"),
			JAVA_INT.withName("bytesused"),
			JAVA_INT.withName("flags"),
			JAVA_INT.withName("field"),
			paddingLayout(4),
			structLayout(JAVA_LONG.withName("tv_sec"), JAVA_LONG.withName("tv_usec")).withName("timestamp"),
			structLayout(JAVA_INT.withName("type"), JAVA_INT.withName("flags"), JAVA_BYTE.withName("frames"),
					JAVA_BYTE.withName("seconds"), JAVA_BYTE.withName("minutes"), JAVA_BYTE.withName("hours"),
					sequenceLayout(4, JAVA_BYTE).withName("userbits")).withName("timecode"),
			JAVA_INT.withName("sequence"),
			JAVA_INT.withName("memory"),
			unionLayout(JAVA_INT.withName("offset"), JAVA_LONG.withName("userptr"), JAVA_LONG.withName("planes"),
					JAVA_INT.withName("fd")).withName("m"),
			JAVA_INT.withName("length"),
			JAVA_INT.withName("reserved2"),
			JAVA_INT.withName("request_fd"),
			paddingLayout(4));

	static final StructLayout STREAM_PARAMETERS = structLayout(
			JAVA_INT.withName("type"),
			unionLayout(
					structLayout(JAVA_INT.withName("capability"), JAVA_INT.withName("capturemode"),
							structLayout(JAVA_INT.withName("numerator"), JAVA_INT.withName("denominator"))
									.withName("timeperframe"),
							JAVA_INT.withName("extendedmode"), JAVA_INT.withName("readbuffers"),
							sequenceLayout(4, JAVA_INT).withName("reserved")).withName("capture"),
					sequenceLayout(200, JAVA_BYTE).withName("raw_data")).withName("parm"));

	/** @return a handle on one field, read and written as {@code (int) handle.get(segment)} */
	static VarHandle field(MemoryLayout layout, String... path) {
		MemoryLayout.PathElement[] elements = new MemoryLayout.PathElement[path.length];
		for (int i = 0; i < path.length; i++) {
			elements[i] = groupElement(path[i]);
		}
		return MethodHandles.insertCoordinates(layout.varHandle(elements), 1, 0L);
	}

	/** @return a NUL-terminated byte array field as text */
	static String text(MemorySegment segment, MemoryLayout layout, String name) {
		long offset = layout.byteOffset(groupElement(name));
		long size = layout.select(groupElement(name)).byteSize();
		byte[] bytes = segment.asSlice(offset, size).toArray(JAVA_BYTE);
		int length = 0;
		while (length < bytes.length && bytes[length] != 0) {
			length++;
		}
		return new String(bytes, 0, length, StandardCharsets.UTF_8);
	}
}
