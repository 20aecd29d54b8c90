package camera.api.hal;

import java.util.List;
import java.util.Objects;

/**
 * A burst rendered by a {@link SimulatedScene} and the noise-free image its first frame saw.
 *
 * @param frames    the raw frames in capture order, at least one, as the sensor delivers them
 * @param reference the first frame's noise-free image in {@link PixelFormat#RGB48_LINEAR}: R, G, B in linear
 *                  light on the raw scale with the black level subtracted; its metadata gives black level 0 and
 *                  the sensor's full scale as white level, so the mean of many raw frames at a site recording
 *                  channel c is the frames' black level plus the reference's c
 */
public record SceneBurst(List<RawFrame> frames, RawFrame reference) {
	public SceneBurst {
		frames = List.copyOf(frames);
		Objects.requireNonNull(reference, "reference");
		if (frames.isEmpty()) {
			throw new IllegalArgumentException("a burst has at least one frame");
		}
		if (reference.format() != PixelFormat.RGB48_LINEAR) {
			throw new IllegalArgumentException("the reference is RGB48_LINEAR, not " + reference.format());
		}
	}
}
