package camera.develop.remote;

import java.io.Serial;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.Objects;

import camera.api.hal.BayerPattern;
import camera.api.hal.FrameMetadata;
import camera.api.hal.PixelFormat;
import camera.api.hal.RawFrame;

/**
 * One raw frame as it crosses the wire: the {@link RawFrame}'s geometry and metadata as plain fields, its bytes,
 * and their CRC-32C as the sender computed it.
 *
 * @param format  the layout of the bytes
 * @param width   in pixels
 * @param height  in pixels
 * @param stride  bytes from one row to the next
 * @param data    the frame's bytes
 * @param crc32c  CRC-32C of {@code data} at the sender
 * @param timestampNanos, exposureNanos, iso, blackLevel, whiteLevel, bayerPattern the frame's
 *                {@link FrameMetadata}
 */
public record FramePacket(PixelFormat format, int width, int height, int stride, byte[] data, long crc32c,
		long timestampNanos, long exposureNanos, int iso, int blackLevel, int whiteLevel, BayerPattern bayerPattern)
		implements Serializable {
	@Serial
	private static final long serialVersionUID = 1L;

	public FramePacket {
		Objects.requireNonNull(format, "format");
		Objects.requireNonNull(data, "data");
	}

	/** @return the frame's bytes from position 0 to its limit, copied, with their checksum */
	public static FramePacket of(RawFrame frame) {
		ByteBuffer source = frame.data().duplicate().position(0);
		byte[] bytes = new byte[source.remaining()];
		source.get(bytes);
		FrameMetadata metadata = frame.metadata();
		return new FramePacket(frame.format(), frame.width(), frame.height(), frame.stride(), bytes,
				Checksums.crc32c(bytes), metadata.timestampNanos(), metadata.exposureNanos(), metadata.iso(),
				metadata.blackLevel(), metadata.whiteLevel(), metadata.bayerPattern());
	}

	/** @return whether the bytes still match the sender's checksum */
	public boolean intact() {
		return Checksums.crc32c(data) == crc32c;
	}

	/**
	 * @return the frame, its buffer over this packet's bytes
	 * @throws RemoteDevelopmentException {@link RemoteErrorCode#CORRUPT_TRANSFER} when the bytes do not match
	 *                                    their checksum
	 */
	public RawFrame toFrame() {
		if (!intact()) {
			throw new RemoteDevelopmentException(RemoteErrorCode.CORRUPT_TRANSFER, "a " + width + "x" + height
					+ " frame's " + data.length + " bytes do not match their checksum");
		}
		return new RawFrame(format, width, height, stride, ByteBuffer.wrap(data), new FrameMetadata(timestampNanos,
				exposureNanos, iso, blackLevel, whiteLevel, bayerPattern));
	}
}
