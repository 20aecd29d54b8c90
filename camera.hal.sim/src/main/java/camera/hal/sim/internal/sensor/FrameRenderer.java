package camera.hal.sim.internal.sensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;

/**
 * Turns a {@link MosaicScene} into one noisy 12-bit raw frame. Each row takes its noise from a slice of the
 * {@link NoiseTable} chosen by the frame seed and the row, so frames are reproducible and independent of the
 * worker count. Nothing is allocated per pixel; the noise level of the signal is a square root.
 */
final class FrameRenderer {
	private final SensorModel sensor;
	private final float shotVariancePerDn;
	private final float readVariance;

	FrameRenderer(SensorModel sensor) {
		this.sensor = sensor;
		this.shotVariancePerDn = (float) sensor.shotVariancePerDn();
		this.readVariance = (float) (sensor.readNoiseSigma() * sensor.readNoiseSigma());
	}

	/** @return width x height samples, 16-bit little-endian, rows without padding, in a new heap buffer */
	ByteBuffer render(MosaicScene scene, Shake shake, long frameSeed, RowBands bands) {
		ByteBuffer samples = ByteBuffer.allocate(Math.multiplyExact(scene.width * 2, scene.height));
		return render(scene, shake, frameSeed, bands, samples);
	}

	/**
	 * Renders into the target from its position 0: width x height samples, 16-bit little-endian, rows without
	 * padding.
	 *
	 * @return the target, little-endian, from 0 to the frame's length
	 */
	ByteBuffer render(MosaicScene scene, Shake shake, long frameSeed, RowBands bands, ByteBuffer target) {
		if (Math.abs(shake.dx()) > scene.margin || Math.abs(shake.dy()) > scene.margin) {
			throw new IllegalArgumentException("shake " + shake + " exceeds the scene margin " + scene.margin);
		}
		int width = scene.width;
		int length = Math.multiplyExact(width * 2, scene.height);
		if (target.capacity() < length) {
			throw new IllegalArgumentException("a buffer of " + target.capacity() + " bytes cannot hold a frame of "
					+ length);
		}
		ByteBuffer samples = target.duplicate().position(0).limit(length).order(ByteOrder.LITTLE_ENDIAN);
		float[] columnGains = sensor.vignettingGains(width);
		float[] rowGains = sensor.vignettingGains(scene.height);
		float black = sensor.blackLevel();
		float[] signal = scene.signal;
		float white = SensorModel.WHITE_LEVEL;
		float[] deviates = NoiseTable.deviates();
		bands.run(scene.height, (firstRow, endRow) -> {
			short[] row = new short[width];
			ShortBuffer rows = samples.duplicate().order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
			for (int y = firstRow; y < endRow; y++) {
				float rowGain = rowGains[y];
				int source = (y + scene.margin + shake.dy()) * scene.planeWidth + scene.margin + shake.dx();
				for (int slice = 0, from = 0; from < width; slice++, from += NoiseTable.SLICE) {
					int to = Math.min(width, from + NoiseTable.SLICE);
					int noise = NoiseTable.start(frameSeed, y, slice) - from;
					// the arithmetic is kept free of integer clamps and byte-order stores, which stop the compiler
					// from vectorising it; the row is copied out in bulk
					for (int x = from; x < to; x++) {
						float expected = signal[source + x] * rowGain * columnGains[x];
						float sigma = (float) Math.sqrt(shotVariancePerDn * expected + readVariance);
						float value = expected + black + 0.5f + sigma * deviates[noise + x];
						row[x] = (short) (int) Math.min(Math.max(value, 0f), white);
					}
				}
				rows.put(y * width, row);
			}
		});
		return samples.slice().order(ByteOrder.LITTLE_ENDIAN);
	}
}
