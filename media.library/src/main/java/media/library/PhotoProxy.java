package media.library;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * What a camera hands the library for a photo whose full-quality image is still being developed: the id of the
 * deferred job and the first-phase image. Saved with {@link ResourceType#PHOTO_PROXY}. A camera that could not defer
 * a photo (its spool had no room) hands over a proxy of {@link MediaQuality#FULL} quality instead: the same flow
 * for the app, and the library saves it as a final photo.
 */
@ConsumerType
public interface PhotoProxy {

	/**
	 * @return the id of the deferred job that will deliver the FULL image; for a {@link MediaQuality#FULL} proxy,
	 *         the camera's id of the photo, naming no job; never {@code null}
	 */
	String photoId();

	/** @return the image, encoded as JPEG: the first-phase image, or the final one of a FULL proxy; never {@code null} */
	byte[] imageData();

	/** @return image width in pixels */
	int width();

	/** @return image height in pixels */
	int height();

	/**
	 * @return {@link MediaQuality#FAST} when a deferred job will deliver the FULL image, {@link MediaQuality#FULL}
	 *         when the image is already final (the photo was developed at once)
	 */
	default MediaQuality quality() {
		return MediaQuality.FAST;
	}
}
