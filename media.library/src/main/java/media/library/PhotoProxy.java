package media.library;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * What a camera hands the library for a photo whose full-quality image is still being developed: the id of the
 * deferred job and the first-phase image. Saved with {@link ResourceType#PHOTO_PROXY}.
 */
@ConsumerType
public interface PhotoProxy {

	/** @return the id of the deferred job that will deliver the FULL image; never {@code null} */
	String photoId();

	/** @return the first-phase image, encoded as JPEG; never {@code null} */
	byte[] imageData();

	/** @return image width in pixels */
	int width();

	/** @return image height in pixels */
	int height();
}
