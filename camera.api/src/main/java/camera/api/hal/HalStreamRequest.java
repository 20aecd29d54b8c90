package camera.api.hal;

import java.util.Objects;

import camera.api.Size;

/**
 * A stream for {@link HalDevice#stream}: frames of one profile, one after another at the camera's frame rate.
 *
 * @param size   one of the camera's profile sizes
 * @param format the profile's pixel format
 */
public record HalStreamRequest(Size size, PixelFormat format) {
	public HalStreamRequest {
		Objects.requireNonNull(size, "size");
		Objects.requireNonNull(format, "format");
	}
}
