package camera.api;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Optional;

import media.library.MediaQuality;

/**
 * A developed photo, delivered by {@code photoAvailable} when delivery is not deferred.
 *
 * @param captureId the capture it came from
 * @param main      the JPEG file, read-only
 * @param size      its size
 * @param quality   always {@link MediaQuality#FULL} for single-phase delivery
 * @param captureTime when it was captured
 * @param raw       the DNG of the burst's reference frame, read-only, when the capture setting asked for it
 *                  ({@link PhotoCaptureSetting#raw()}); {@code null} otherwise (since 1.2)
 */
public record Photo(int captureId, ByteBuffer main, Size size, MediaQuality quality, Instant captureTime,
		ByteBuffer raw) {
	public Photo {
		main = main.asReadOnlyBuffer();
		raw = raw == null ? null : raw.asReadOnlyBuffer();
	}

	/** A photo without a raw file. */
	public Photo(int captureId, ByteBuffer main, Size size, MediaQuality quality, Instant captureTime) {
		this(captureId, main, size, quality, captureTime, null);
	}

	/** @return a copy of the DNG bytes, if the photo has a raw file */
	public Optional<byte[]> dng() {
		if (raw == null) {
			return Optional.empty();
		}
		byte[] bytes = new byte[raw.remaining()];
		raw.duplicate().get(bytes);
		return Optional.of(bytes);
	}

	/** @return a copy of the JPEG bytes */
	public byte[] jpeg() {
		byte[] bytes = new byte[main.remaining()];
		main.duplicate().get(bytes);
		return bytes;
	}
}
