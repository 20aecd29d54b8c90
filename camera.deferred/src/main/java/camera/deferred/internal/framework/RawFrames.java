package camera.deferred.internal.framework;

import java.util.List;

import camera.api.hal.RawFrame;

/**
 * Gives each consumer of a frame its own view of the pixels: the developer and the spool read the same frames,
 * possibly at the same time, and a relative read by one must not move the other's position.
 */
final class RawFrames {

	private RawFrames() {
	}

	static RawFrame view(RawFrame frame) {
		return new RawFrame(frame.format(), frame.width(), frame.height(), frame.stride(),
				frame.data().duplicate().order(frame.data().order()), frame.metadata());
	}

	static List<RawFrame> views(List<RawFrame> frames) {
		return frames.stream().map(RawFrames::view).toList();
	}
}
