package camera.api.hal;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Receives the frames of one capture or stream; implemented by the framework. Called on the thread of the capture
 * or, for a stream, on the HAL's streaming thread.
 */
@ProviderType
public interface FrameSink {

	/** The first frame's exposure began. Called once per capture, before the first {@link #frame}. */
	void shutter(long timestampNanos);

	/** One frame of the capture, in order, in a buffer that belongs to the framework from now on. */
	void frame(RawFrame frame);

	/**
	 * One frame of the capture or stream, in order, in a buffer the HAL lends: the framework releases the lease when
	 * it no longer reads the frame. A sink that keeps only frames of its own gets a copy (since 1.2).
	 */
	default void frame(FrameLease lease) {
		try {
			frame(lease.copy());
		} finally {
			lease.release();
		}
	}
}
