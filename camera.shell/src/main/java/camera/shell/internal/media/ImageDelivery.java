package camera.shell.internal.media;

import media.library.MediaQuality;

/**
 * One image a request delivered.
 *
 * @param assetUri the asset it belongs to
 * @param quality  whether it is the first-phase or the full-quality image
 * @param jpeg     the encoded file
 * @param millis   from the request to this delivery, in milliseconds
 */
public record ImageDelivery(String assetUri, MediaQuality quality, byte[] jpeg, long millis) {

	/** @return the line {@code camera:request} prints for it */
	public String line() {
		return assetUri + "  " + quality + "  " + jpeg.length + " bytes  " + millis + " ms";
	}
}
