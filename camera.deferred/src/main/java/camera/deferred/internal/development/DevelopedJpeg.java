package camera.deferred.internal.development;

/**
 * A FULL photo as a lane returned it.
 *
 * @param jpeg   a complete JPEG file
 * @param width  in pixels
 * @param height in pixels
 */
public record DevelopedJpeg(byte[] jpeg, int width, int height) {
}
