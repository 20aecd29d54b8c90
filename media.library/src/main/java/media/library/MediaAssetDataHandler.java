package media.library;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives the image of a request made to {@link MediaAssetManager}. Called on a library thread, never while
 * the library holds a lock; a slow handler delays only its own request.
 *
 * @param <T> the form of the image: {@code byte[]} for the encoded file, {@code java.awt.image.BufferedImage}
 *            for decoded pixels
 */
@ConsumerType
public interface MediaAssetDataHandler<T> {

	/**
	 * An image is ready.
	 *
	 * @param data    the image
	 * @param quality whether it is the first-phase or the full-quality image
	 */
	void onDataPrepared(T data, MediaQuality quality);

	/**
	 * The request ended without (further) data: the asset was deleted, the request was cancelled, or the
	 * deferred job failed. Called at most once, and never after a FULL delivery.
	 *
	 * @param error what happened
	 */
	default void onError(MediaLibraryException error) {
	}
}
