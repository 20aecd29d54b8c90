package camera.api.hal;

import org.osgi.annotation.versioning.ProviderType;

/** Receives the frames of one capture; implemented by the framework. Called on the thread of the capture. */
@ProviderType
public interface FrameSink {

	/** The first frame's exposure began. Called once per capture, before the first {@link #frame}. */
	void shutter(long timestampNanos);

	/** One frame of the capture, in order. */
	void frame(RawFrame frame);
}
