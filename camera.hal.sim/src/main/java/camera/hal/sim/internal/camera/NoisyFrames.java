package camera.hal.sim.internal.camera;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

import camera.api.CameraException;
import camera.api.Size;
import camera.hal.sim.internal.scene.SeedMixer;
import camera.hal.sim.internal.sensor.Shake;
import camera.hal.sim.internal.sensor.SimulatedSensor;

/**
 * Noisy frames rendered ahead of the captures that take them, as a sensor with DMA has its frames ready: for each
 * size, {@code bursts} frames for each position of a burst (the first never shaken, the later ones shaken as the
 * sensor shakes them), each with its own noise. A capture takes a ready frame and owns its buffer; the frame is
 * rendered anew in the background with fresh noise, so no two frames handed out share their noise and the capture
 * path costs no rendering. When none is ready (a burst faster than the background), the frame is rendered on the
 * capture path from the capture's own seed, as without a pool. Thread-safe.
 */
final class NoisyFrames {
	private static final long POOL_STREAM = 0x706F6F6CL;

	private final SimulatedSensor sensor;
	private final int shakePixels;
	private final int positions;
	private final int bursts;
	private final Executor background;
	private final long seedBase;
	private final AtomicLong renders = new AtomicLong();
	private final Map<Size, Slots> pools = new ConcurrentHashMap<>();

	/** The ready frames of one size, position after position, null where one is being rendered. */
	private record Slots(AtomicReferenceArray<ByteBuffer> frames, int bursts, AtomicInteger next) {
		int slot(int position, int burst) {
			return position * bursts + burst;
		}
	}

	/**
	 * @param positions  the burst positions rendered ahead (the camera's burst size)
	 * @param bursts     frames rendered ahead per position; 0 renders every frame on the capture path
	 * @param background where frames are rendered ahead, one at a time
	 * @param sceneSeed  seeds the noise of the frames rendered ahead
	 */
	NoisyFrames(SimulatedSensor sensor, int shakePixels, int positions, int bursts, Executor background,
			long sceneSeed) {
		this.sensor = sensor;
		this.shakePixels = shakePixels;
		this.positions = positions;
		this.bursts = bursts;
		this.background = background;
		this.seedBase = SeedMixer.mix(sceneSeed, POOL_STREAM);
	}

	/** @return whether another pool keeps as many frames of the same sensor ahead */
	boolean keepsAsMany(NoisyFrames other) {
		return sensor == other.sensor && positions == other.positions && bursts == other.bursts;
	}

	/** Renders every frame of the size ahead, on the calling (background) thread; stops early when the sensor does. */
	void prepare(Size size) {
		Slots slots = slots(size);
		for (int position = 0; position < positions; position++) {
			for (int burst = 0; burst < bursts; burst++) {
				if (slots.frames().get(slots.slot(position, burst)) == null && !render(slots, size, position, burst)) {
					return;
				}
			}
		}
	}

	/**
	 * Renders one raw frame's samples as the sensor delivers it: shaken (except the first) and noisy.
	 *
	 * @param captureSeed seeds the noise and shake of a frame rendered on the capture path
	 * @param index       the frame within the burst, 0 for the first
	 * @return the samples, owned by the caller from now on
	 */
	ByteBuffer take(Size size, long captureSeed, int index) {
		if (index < positions && bursts > 0) {
			Slots slots = slots(size);
			int first = Math.floorMod(slots.next().getAndIncrement(), bursts);
			for (int i = 0; i < bursts; i++) {
				int burst = (first + i) % bursts;
				ByteBuffer ready = slots.frames().getAndSet(slots.slot(index, burst), null);
				if (ready != null) {
					renderLater(slots, size, index, burst);
					return ready;
				}
			}
		}
		return renderNow(size, captureSeed, index);
	}

	/** @return the samples of that frame rendered now from the seed, leaving the frames rendered ahead alone */
	ByteBuffer renderNow(Size size, long seed, int index) {
		return sensor.frame(size, Shake.of(seed, index, shakePixels), SeedMixer.mix(seed, index));
	}

	private Slots slots(Size size) {
		return pools.computeIfAbsent(size,
				s -> new Slots(new AtomicReferenceArray<>(positions * bursts), bursts, new AtomicInteger()));
	}

	private void renderLater(Slots slots, Size size, int position, int burst) {
		try {
			background.execute(() -> render(slots, size, position, burst));
		} catch (RejectedExecutionException e) {
			// the camera is stopping: the slot stays empty and captures render on their own path
		}
	}

	/** @return false when the sensor's workers are shutting down */
	private boolean render(Slots slots, Size size, int position, int burst) {
		try {
			slots.frames().set(slots.slot(position, burst), renderNow(size,
					SeedMixer.mix(seedBase, renders.incrementAndGet()), position));
			return true;
		} catch (CameraException e) {
			return false;
		}
	}
}
