package camera.deferred.internal.framework;

import camera.api.Thumbnail;
import camera.develop.RgbImage;

/**
 * The first-phase development of a capture.
 *
 * @param image     the developed frame
 * @param jpeg      it, encoded at the first-phase quality
 * @param thumbnail a small JPEG of it for proxies, or {@code null} when nobody needs one
 */
record FastImage(RgbImage image, byte[] jpeg, Thumbnail thumbnail) {
}
