package camera.hal.sim.internal.sensor;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import camera.api.Size;
import camera.hal.sim.internal.scene.TestScene;

/**
 * One configured sensor in front of its scene: renders noisy raw frames and the noise-free reference. The
 * mosaic of the scene is rendered on first use of a size and kept for the life of this object (a new
 * configuration makes a new sensor). Thread-safe.
 */
public final class SimulatedSensor {
	private final SensorModel model;
	private final long sceneSeed;
	private final int margin;
	private final RowBands bands;
	private final FrameRenderer renderer;
	private final Map<Size, MosaicScene> mosaics = new ConcurrentHashMap<>();

	/**
	 * @param model       the sensor physics
	 * @param sceneSeed   chooses the scene's details
	 * @param shakePixels the largest shake between frames, so the scene is rendered with room for it
	 * @param bands       the worker pool to render on
	 */
	public SimulatedSensor(SensorModel model, long sceneSeed, int shakePixels, RowBands bands) {
		this.model = model;
		this.sceneSeed = sceneSeed;
		this.margin = Shake.margin(shakePixels);
		this.bands = bands;
		this.renderer = new FrameRenderer(model);
	}

	/** @return the sensor physics */
	public SensorModel model() {
		return model;
	}

	/**
	 * Renders one noisy raw frame.
	 *
	 * @param shake     where the scene is relative to the first frame; within the configured shake
	 * @param frameSeed seeds the noise: the same seed gives the same frame
	 * @return RGGB samples, 12 bits in 16-bit little-endian words, {@code size.width() * 2} bytes per row
	 * @throws camera.api.CameraException DEVICE_DISABLED when the worker pool is shutting down
	 */
	public ByteBuffer frame(Size size, Shake shake, long frameSeed) {
		return renderer.render(mosaic(size), shake, frameSeed, bands);
	}

	/**
	 * Renders one noisy raw frame into a buffer of the caller's, as {@link #frame} lays it out.
	 *
	 * @return the target's frame, from 0 to its length
	 * @throws camera.api.CameraException DEVICE_DISABLED when the worker pool is shutting down
	 */
	public ByteBuffer frameInto(Size size, Shake shake, long frameSeed, ByteBuffer target) {
		return renderer.render(mosaic(size), shake, frameSeed, bands, target);
	}

	/**
	 * Renders the noise-free reference of the first frame of any capture of this size.
	 *
	 * @return R, G, B per pixel, 16-bit little-endian words, {@code size.width() * 6} bytes per row, each the
	 *         expected raw signal in DN with the black level subtracted, vignetting included: 0 is black and
	 *         {@link SensorModel#fullScale()} is the white level
	 */
	public ByteBuffer reference(Size size) {
		return ReferenceRenderer.render(scene(size), size.width(), size.height(), model, bands);
	}

	/**
	 * Renders the scene for a size ahead of its first capture, which otherwise pays for it (about a second for
	 * 12 MP on two cores).
	 *
	 * @throws camera.api.CameraException DEVICE_DISABLED when the worker pool is shutting down
	 */
	public void prepare(Size size) {
		mosaic(size);
	}

	private MosaicScene mosaic(Size size) {
		return mosaics.computeIfAbsent(size,
				s -> MosaicScene.render(scene(s), s.width(), s.height(), margin, model.fullScale(), bands));
	}

	private TestScene scene(Size size) {
		return new TestScene(sceneSeed, size.width(), size.height());
	}
}
