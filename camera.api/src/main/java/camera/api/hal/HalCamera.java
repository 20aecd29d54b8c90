package camera.api.hal;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A camera served by a HAL bundle, registered as a service while the camera exists. Thread-safe.
 */
@ConsumerType
public interface HalCamera {

	/** @return who the camera is */
	HalCameraInfo info();

	/** @return what it can do */
	HalCapabilities capabilities();

	/**
	 * Opens the camera for exclusive use.
	 *
	 * @throws camera.api.CameraException CONFLICT_CAMERA when it is in use, DEVICE_DISABLED when it is gone
	 */
	HalDevice open();
}
