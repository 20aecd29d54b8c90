package camera.develop.remote;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/** The checksum every frame and photo carries across the wire: CRC-32C, which the JDK computes in hardware. */
final class Checksums {
	private Checksums() {
	}

	static long crc32c(byte[] bytes) {
		CRC32C crc = new CRC32C();
		crc.update(bytes);
		return crc.getValue();
	}

	static long crc32c(ByteBuffer bytes) {
		CRC32C crc = new CRC32C();
		crc.update(bytes.duplicate());
		return crc.getValue();
	}
}
