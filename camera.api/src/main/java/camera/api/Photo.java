package camera.api;

import java.nio.ByteBuffer;
import java.time.Instant;

import media.library.MediaQuality;

/**
 * A developed photo, delivered by {@code photoAvailable} when delivery is not deferred.
 *
 * @param captureId the capture it came from
 * @param main      the JPEG file, read-only
 * @param size      its size
 * @param quality   always {@link MediaQuality#FULL} for single-phase delivery
 * @param captureTime when it was captured
 */
public record Photo(int captureId, ByteBuffer main, Size size, MediaQuality quality, Instant captureTime) {
	public Photo {
		main = main.asReadOnlyBuffer();
	}

	/** @return a copy of the JPEG bytes */
	public byte[] jpeg() {
		byte[] bytes = new byte[main.remaining()];
		main.duplicate().get(bytes);
		return bytes;
	}
}
