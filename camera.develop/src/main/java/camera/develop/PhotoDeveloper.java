package camera.develop;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import camera.api.hal.RawFrame;

/**
 * Turns sensor frames into a displayable image. Phase 1 uses {@link #developFast}; phase 2 and single-phase
 * delivery use {@link #developFull}. Thread-safe. Frames are only read, during the call; nothing of them is kept.
 */
@ProviderType
public interface PhotoDeveloper {

	/**
	 * Light and fast development of one frame (phase 1). The image may be smaller than the frame: a Bayer frame
	 * is binned to half its width and height (rounded down), so callers take the size from the returned image.
	 * Frames the device already developed keep their size.
	 *
	 * @throws IllegalArgumentException when the frame's buffer does not hold its rows, or its format cannot be
	 *                                  developed
	 */
	RgbImage developFast(RawFrame frame);

	/**
	 * Full development of a burst: aligned merge, high-quality demosaic, denoise, sharpen, tone and colour.
	 * Runs over tiles on all cores. Interrupting the calling thread cancels it at the next tile boundary.
	 *
	 * @throws java.util.concurrent.CancellationException when the calling thread was interrupted (its interrupt
	 *                                                    status stays set)
	 * @throws IllegalArgumentException                   for an empty burst or a frame that cannot be developed
	 */
	RgbImage developFull(List<RawFrame> burst);

	/**
	 * Renders a noise-free linear reference ({@code RGB48_LINEAR}) through the same output transform, so that a
	 * developed photo can be graded against it.
	 *
	 * @throws IllegalArgumentException when the frame is not {@code RGB48_LINEAR}
	 */
	RgbImage renderReference(RawFrame linearReference);
}
