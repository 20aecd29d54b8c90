package camera.api;

import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/** The input side of a session: one opened camera. Thread-safe. */
@ProviderType
public interface CameraInput {

	/** @return the camera of this input */
	CameraDevice device();

	/**
	 * Opens the camera for exclusive use.
	 *
	 * @throws CameraException CONFLICT_CAMERA when it is in use, DEVICE_DISABLED when it is gone,
	 *                         OPERATION_NOT_ALLOWED when it is already open
	 */
	void open();

	/** Closes the camera; does nothing if it is not open. */
	void close();

	/** Listens for errors of the device (e.g. DEVICE_DISABLED when it goes away). */
	Registration onError(Consumer<CameraException> listener);
}
