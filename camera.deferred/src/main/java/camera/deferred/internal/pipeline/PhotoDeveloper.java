package camera.deferred.internal.pipeline;

import java.util.List;
import java.util.function.BooleanSupplier;

import camera.api.hal.RawFrame;

/**
 * Turns sensor frames into a displayable image. Phase 1 uses {@link #developFast}; phase 2 and single-phase
 * delivery use {@link #developFull}. Thread-safe; a DS service inside camera.deferred.
 */
public interface PhotoDeveloper {

	/**
	 * Light and fast development of one frame (phase 1). The image may be smaller than the frame: a Bayer frame
	 * is binned to half its width and height (rounded down), so callers take the size from the returned image.
	 * Frames the device already developed keep their size.
	 */
	RgbImage developFast(RawFrame frame);

	/**
	 * Full development of a burst: aligned merge, high-quality demosaic, denoise, sharpen, tone and colour.
	 * Runs over tiles on all cores.
	 *
	 * @param cancelled polled between tiles; when it returns true the method throws
	 *                  {@link java.util.concurrent.CancellationException}
	 */
	RgbImage developFull(List<RawFrame> burst, BooleanSupplier cancelled);

	/** Renders a noise-free linear reference ({@code RGB48_LINEAR}) through the same output transform. */
	RgbImage renderReference(RawFrame linearReference);
}
