package camera.develop.remote;

import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * A node's answer to a {@link DevelopmentOrder}: the JPEG, its checksum, and a proof made with the node's secret.
 *
 * @param jobId         the order's job
 * @param nonce         the order's nonce
 * @param width         of the photo, in pixels
 * @param height        of the photo, in pixels
 * @param jpeg          a complete JPEG file with EXIF
 * @param crc32c        CRC-32C of {@code jpeg} at the node
 * @param developMillis how long the node took, from the order's arrival to the encoded JPEG
 * @param proof         {@link SharedSecret#prove} of {@link #parts()}
 */
public record DevelopedPhoto(String jobId, long nonce, int width, int height, byte[] jpeg, long crc32c,
		long developMillis, byte[] proof) implements Serializable {
	@Serial
	private static final long serialVersionUID = 1L;

	public DevelopedPhoto {
		Objects.requireNonNull(jobId, "jobId");
		Objects.requireNonNull(jpeg, "jpeg");
	}

	/** @return the answer to an order, with the JPEG's checksum, proven with the secret */
	public static DevelopedPhoto signed(DevelopmentOrder order, int width, int height, byte[] jpeg,
			long developMillis, SharedSecret secret) {
		DevelopedPhoto unsigned = new DevelopedPhoto(order.jobId(), order.nonce(), width, height, jpeg,
				Checksums.crc32c(jpeg), developMillis, new byte[0]);
		return new DevelopedPhoto(order.jobId(), order.nonce(), width, height, jpeg, unsigned.crc32c(),
				developMillis, secret.prove(unsigned.parts()));
	}

	/**
	 * @return whether this is the proven, intact answer to that order: its job and nonce, its JPEG matching its
	 *         checksum, its proof made with the secret
	 */
	public boolean answers(DevelopmentOrder order, SharedSecret secret) {
		return jobId.equals(order.jobId()) && nonce == order.nonce() && Checksums.crc32c(jpeg) == crc32c
				&& secret.proves(proof, parts());
	}

	/** @return what the proof covers: every field but the JPEG's bytes, which its checksum stands for */
	public String[] parts() {
		return new String[] { "developed", jobId, Long.toString(nonce), Integer.toString(width),
				Integer.toString(height), Integer.toString(jpeg.length), Long.toString(crc32c),
				Long.toString(developMillis) };
	}
}
