package camera.develop.remote;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import camera.develop.ExifData;

/**
 * What a device asks a node to develop: one job's burst, the JPEG quality and EXIF, proven with the shared
 * secret over every field (the frames through their checksums).
 *
 * @param jobId   the device's job, returned in the photo so that an answer finds its job or nothing
 * @param nonce   a number the device picked for this order, returned and proven in the photo
 * @param frames  the burst, the frame nearest the shutter first
 * @param quality JPEG quality 1..100
 * @param exif    the photo's EXIF
 * @param proof   {@link SharedSecret#prove} of {@link #parts()}
 */
public record DevelopmentOrder(String jobId, long nonce, List<FramePacket> frames, int quality, ExifData exif,
		byte[] proof) implements Serializable {
	@Serial
	private static final long serialVersionUID = 1L;

	public DevelopmentOrder {
		Objects.requireNonNull(jobId, "jobId");
		Objects.requireNonNull(exif, "exif");
		frames = List.copyOf(frames);
		if (frames.isEmpty() || quality < 1 || quality > 100) {
			throw new IllegalArgumentException("an order needs at least one frame and a quality in 1..100");
		}
	}

	/** @return an order proven with the secret */
	public static DevelopmentOrder signed(String jobId, long nonce, List<FramePacket> frames, int quality,
			ExifData exif, SharedSecret secret) {
		DevelopmentOrder unsigned = new DevelopmentOrder(jobId, nonce, frames, quality, exif, new byte[0]);
		return new DevelopmentOrder(jobId, nonce, frames, quality, exif, secret.prove(unsigned.parts()));
	}

	/** @return whether {@link #proof()} was made with this secret over this order */
	public boolean provenWith(SharedSecret secret) {
		return secret.proves(proof, parts());
	}

	/** @return the bytes of every frame, what the order costs to send */
	public long frameBytes() {
		return frames.stream().mapToLong(frame -> frame.data().length).sum();
	}

	/** @return what the proof covers: every field but the frames' bytes, which their checksums stand for */
	public String[] parts() {
		List<String> parts = new ArrayList<>(List.of("develop", jobId, Long.toString(nonce),
				Integer.toString(quality), exif.toString()));
		for (FramePacket frame : frames) {
			parts.add(frame.format() + " " + frame.width() + "x" + frame.height() + " " + frame.stride() + " "
					+ frame.data().length + " " + frame.crc32c() + " " + frame.timestampNanos() + " "
					+ frame.exposureNanos() + " " + frame.iso() + " " + frame.blackLevel() + " " + frame.whiteLevel()
					+ " " + frame.bayerPattern());
		}
		return parts.toArray(String[]::new);
	}
}
