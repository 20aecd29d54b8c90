package camera.hal.sim.internal.camera;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import camera.api.Size;
import camera.hal.sim.internal.scene.SeedMixer;
import camera.hal.sim.internal.sensor.Shake;
import camera.hal.sim.internal.sensor.SimulatedSensor;

/**
 * The simulated sensor's frame buffers: for each size a fixed set of native buffers, as a camera's DMA buffers,
 * each holding its own noisy frame, rendered once (ahead, in the background, or on first use) and lent to the
 * framework again and again. A lent buffer comes back when the framework releases it; least recently returned is
 * lent first, so consecutive frames differ. Buffer 0 is never shaken, the others are shaken as burst frames are.
 * Lending never waits: with every buffer lent there is none, and the caller drops the frame. Thread-safe.
 */
final class FrameBuffers {
	private static final long POOL_STREAM = 0x706F6F6CL;

	private final SimulatedSensor sensor;
	private final int shakePixels;
	private final int count;
	private final long seedBase;
	private final Map<Size, Pool> pools = new ConcurrentHashMap<>();

	/** A frame in one of the buffers, until it is given back. */
	record Lent(ByteBuffer samples, Runnable giveBack) {
	}

	/**
	 * One size's buffers. Each is in one place at a time: not rendered yet, being rendered, free (rendered, ready to
	 * lend) or lent; only free ones are lent without rendering, so a stream never waits for a render.
	 */
	private final class Pool {
		private final Size size;
		private final ByteBuffer[] buffers;
		private final ConcurrentLinkedQueue<Integer> unrendered = new ConcurrentLinkedQueue<>();
		private final ConcurrentLinkedQueue<Integer> free = new ConcurrentLinkedQueue<>();

		Pool(Size size) {
			this.size = size;
			this.buffers = new ByteBuffer[count];
			for (int index = 0; index < count; index++) {
				unrendered.add(index);
			}
		}

		/**
		 * @param renderIfNone with fewer than two free (so the one just given back would come again), render one
		 *                     that never was, if any is left
		 */
		Optional<Lent> lend(boolean renderIfNone) {
			Integer index = renderIfNone && free.size() < 2 ? renderNew() : null;
			if (index == null) {
				index = free.poll();
			}
			if (index == null && renderIfNone) {
				index = renderNew();
			}
			if (index == null) {
				return Optional.empty();
			}
			int lentIndex = index;
			ByteBuffer samples = buffers[lentIndex].asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
			return Optional.of(new Lent(samples, () -> free.add(lentIndex)));
		}

		/** Renders buffers not rendered yet until that many are, on the calling thread, and frees them. */
		void prepare(int upTo) {
			while (count - unrendered.size() < Math.min(upTo, count)) {
				Integer index = unrendered.poll();
				if (index == null) {
					return;
				}
				render(index);
				free.add(index);
			}
		}

		private Integer renderNew() {
			Integer index = unrendered.poll();
			if (index != null) {
				render(index);
			}
			return index;
		}

		private void render(int index) {
			try {
				ByteBuffer buffer = ByteBuffer.allocateDirect(Math.multiplyExact(size.width() * 2, size.height()));
				buffers[index] = sensor.frameInto(size, Shake.of(seedBase, index, shakePixels),
						SeedMixer.mix(seedBase, index), buffer);
			} catch (RuntimeException e) {
				unrendered.add(index);
				throw e;
			}
		}
	}

	/**
	 * @param count     buffers per size, at least 1
	 * @param sceneSeed seeds the buffers' noise and shake
	 */
	FrameBuffers(SimulatedSensor sensor, int shakePixels, int count, long sceneSeed) {
		if (count < 1) {
			throw new IllegalArgumentException("a sensor needs at least one frame buffer");
		}
		this.sensor = sensor;
		this.shakePixels = shakePixels;
		this.count = count;
		this.seedBase = SeedMixer.mix(sceneSeed, POOL_STREAM);
	}

	/** @return whether another set has as many buffers of the same sensor */
	boolean keepsAsMany(FrameBuffers other) {
		return other != null && sensor == other.sensor && count == other.count && shakePixels == other.shakePixels;
	}

	/**
	 * Renders buffers of a size ahead of use until that many are rendered, on the calling (background) thread.
	 *
	 * @throws camera.api.CameraException DEVICE_DISABLED when the sensor's workers are shutting down
	 */
	void prepare(Size size, int buffers) {
		pool(size).prepare(buffers);
	}

	/**
	 * Lends a free buffer of the size with its frame; with none rendered and free, renders one that never was.
	 *
	 * @return the frame and how to give it back, or empty when every buffer of the size is lent
	 * @throws camera.api.CameraException DEVICE_DISABLED when the sensor's workers are shutting down
	 */
	Optional<Lent> lend(Size size) {
		return pool(size).lend(true);
	}

	/**
	 * Lends a free rendered buffer of the size, as a stream does: it never waits for a render.
	 *
	 * @return the frame and how to give it back, or empty when none is rendered and free
	 */
	Optional<Lent> lendRendered(Size size) {
		return pool(size).lend(false);
	}

	private Pool pool(Size size) {
		return pools.computeIfAbsent(size, Pool::new);
	}
}
