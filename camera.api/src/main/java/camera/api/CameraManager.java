package camera.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The entry point of the camera: lists cameras and creates inputs, outputs and sessions. A service; thread-safe.
 * Cameras come and go with the HAL bundles that serve them: a session on a camera that goes away ends with an
 * {@code error} event (DEVICE_DISABLED).
 */
@ProviderType
public interface CameraManager {

	/**
	 * @return the cameras available now, in a stable order: by the ranking of their HAL services, highest first,
	 *         then by id; the first one is the default camera
	 */
	List<CameraDevice> getSupportedCameras();

	/**
	 * @return the scene modes the camera supports
	 * @throws CameraException INVALID_ARGUMENT for an unknown camera
	 */
	List<SceneMode> getSupportedSceneModes(CameraDevice camera);

	/**
	 * @return the outputs the camera offers in that mode
	 * @throws CameraException INVALID_ARGUMENT for an unknown camera or an unsupported mode
	 */
	CameraOutputCapability getSupportedOutputCapability(CameraDevice camera, SceneMode mode);

	/**
	 * @return an input for the camera, not yet open
	 * @throws CameraException INVALID_ARGUMENT for an unknown camera
	 */
	CameraInput createCameraInput(CameraDevice camera);

	/**
	 * @return a photo output for a profile that the session's camera must offer
	 * @throws CameraException INVALID_ARGUMENT for a null profile
	 */
	PhotoOutput createPhotoOutput(Profile profile);

	/**
	 * @return a new session in that mode
	 * @throws CameraException INVALID_ARGUMENT for an unsupported mode
	 */
	PhotoSession createSession(SceneMode mode);
}
