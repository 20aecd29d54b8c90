package camera.api.hal;

import camera.api.Size;

/**
 * A size and pixel format a camera captures.
 *
 * @param size   frame size
 * @param format pixel format of the frames
 */
public record HalProfile(Size size, PixelFormat format) {
}
