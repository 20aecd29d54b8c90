package camera.api.hal;

import org.osgi.annotation.versioning.ConsumerType;

/** An opened camera, used by one session at a time. */
@ConsumerType
public interface HalDevice extends AutoCloseable {

	/**
	 * Captures the frames of one request, delivering them to the sink, and returns when all were delivered.
	 * Captures on one device run one at a time.
	 *
	 * @throws camera.api.CameraException INVALID_ARGUMENT for a size or format the camera does not offer,
	 *         DEVICE_DISABLED when the camera went away (no frame or only some were delivered),
	 *         SERVICE_FATAL_ERROR when the sensor failed; never hangs
	 */
	void capture(HalCaptureRequest request, FrameSink sink);

	/** Releases the camera. Does nothing if it is already closed. */
	@Override
	void close();
}
