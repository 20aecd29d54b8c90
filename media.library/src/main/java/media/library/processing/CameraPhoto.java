package media.library.processing;

import java.time.Instant;
import java.util.Objects;

/**
 * The first-phase image of a capture, for {@link CameraPhotoStore#createCameraAsset}.
 *
 * @param jobId     the deferred job that will deliver the FULL image; never {@code null}
 * @param fastImage the first-phase JPEG; never empty
 * @param width     image width in pixels
 * @param height    image height in pixels
 * @param dateTaken capture time
 */
public record CameraPhoto(String jobId, byte[] fastImage, int width, int height, Instant dateTaken) {
	public CameraPhoto {
		Objects.requireNonNull(jobId, "jobId");
		Objects.requireNonNull(fastImage, "fastImage");
		Objects.requireNonNull(dateTaken, "dateTaken");
		if (fastImage.length == 0 || width <= 0 || height <= 0) {
			throw new IllegalArgumentException("a camera photo needs an image and a size");
		}
	}
}
