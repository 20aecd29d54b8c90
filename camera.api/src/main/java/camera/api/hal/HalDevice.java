package camera.api.hal;

import java.util.Optional;

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

	/**
	 * The noise-free image the sensor saw for the last capture of this request's size, in
	 * {@link PixelFormat#RGB48_LINEAR}, so image quality can be measured. Simulated sensors offer it; real ones
	 * do not.
	 */
	default Optional<RawFrame> referenceFrame(HalCaptureRequest request) {
		return Optional.empty();
	}

	/** Releases the camera. Does nothing if it is already closed. */
	@Override
	void close();
}
