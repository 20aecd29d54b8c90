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
	 * Starts streaming frames of a profile into the sink, as {@link FrameLease}s in buffers the HAL owns, until the
	 * stream is closed; the framework keeps the latest ones as its zero-shutter-lag ring. While a stream runs,
	 * {@link #capture} is not called. A camera that cannot stream returns empty, and is captured from as before
	 * (since 1.2).
	 *
	 * @return the running stream, or empty when the camera does not stream
	 * @throws camera.api.CameraException INVALID_ARGUMENT for a size or format the camera does not offer,
	 *         DEVICE_DISABLED when the camera went away, OPERATION_NOT_ALLOWED when it already streams
	 */
	default Optional<HalStream> stream(HalStreamRequest request, FrameSink sink) {
		return Optional.empty();
	}

	/** Releases the camera. Does nothing if it is already closed. */
	@Override
	void close();
}
