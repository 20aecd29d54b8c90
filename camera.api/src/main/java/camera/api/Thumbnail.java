package camera.api;

/**
 * A small preview of a photo.
 *
 * @param size its size
 * @param jpeg the JPEG bytes
 */
public record Thumbnail(Size size, byte[] jpeg) {
}
