package camera.api.hal;

import camera.api.Size;

/**
 * One capture for {@link HalDevice#capture}.
 *
 * @param captureId  the framework's id of the capture, for logs
 * @param size       one of the camera's profile sizes
 * @param format     the profile's pixel format
 * @param frameCount how many frames, 1 to the camera's maxBurst
 */
public record HalCaptureRequest(int captureId, Size size, PixelFormat format, int frameCount) {
	public HalCaptureRequest {
		if (frameCount < 1) {
			throw new IllegalArgumentException("frameCount must be at least 1");
		}
	}
}
