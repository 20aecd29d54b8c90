package camera.api.hal;

import org.osgi.annotation.versioning.ConsumerType;

import camera.api.Size;

/**
 * The scene in front of a simulated camera, offered so that image quality can be measured rather than guessed:
 * it renders a burst as the camera's sensor delivers it together with the noise-free image the sensor saw.
 * <p>
 * An optional contract beside {@link HalCamera}: only a simulated HAL registers it, one service per camera, with
 * the same {@link HalCameraProperties#CAMERA_ID} service property as that camera's {@link HalCamera} service, for as long as the
 * camera is registered. Real cameras have no such service. Rendering needs no {@link HalDevice}: it neither
 * opens the camera nor waits for a session using it, counts as no capture and is subject to no simulated fault
 * or timing. Thread-safe.
 */
@ConsumerType
public interface SimulatedScene {

	/** @return the camera whose scene this is, as its {@link HalCamera#info()} says */
	HalCameraInfo camera();

	/**
	 * Renders a burst and its reference. The frames are {@link PixelFormat#RAW_BAYER16}, noisy and shaken as
	 * the sensor delivers them; the reference is the first frame's noise-free image in
	 * {@link PixelFormat#RGB48_LINEAR}, as {@link SceneBurst#reference()} describes. Every buffer is new and
	 * belongs to the caller. Rendering takes about a second for 12 MP: call it on a thread that may wait.
	 *
	 * @param size   one of the camera's profile sizes
	 * @param frames how many frames the caller wants, at least 1; the burst holds fewer when the camera's
	 *               {@link HalCapabilities#maxBurst()} is smaller
	 * @throws camera.api.CameraException INVALID_ARGUMENT for a size the camera does not offer or fewer than one
	 *         frame, DEVICE_DISABLED while the camera is stopping
	 */
	SceneBurst render(Size size, int frames);
}
