package camera.api.hal;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A running stream of a {@link HalDevice}: frames arrive as {@link FrameLease}s on the HAL's own thread until the
 * stream is closed. Thread-safe.
 */
@ConsumerType
public interface HalStream extends AutoCloseable {

	/** @return frames the sensor produced but could not deliver because every buffer was lent, since the start */
	long droppedFrames();

	/**
	 * Stops the stream and returns when the HAL delivers no more frames. Leases still held stay valid until they
	 * are released. Does nothing if the stream already stopped.
	 */
	@Override
	void close();
}
