package camera.hal.sim.internal.sensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;

/**
 * Turns a {@link MosaicScene} into one noisy 12-bit raw frame. Each band of rows draws its noise from its own
 * stream seeded by the frame seed and the band, so frames are reproducible and independent of the worker count.
 * Nothing is allocated per pixel: 16 random bits pick a Gaussian deviate from a table, and the noise level
 * of the signal is a square root.
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

	/** @return width x height samples, 16-bit little-endian, rows without padding */
	ByteBuffer render(MosaicScene scene, Shake shake, long frameSeed, RowBands bands) {
		if (Math.abs(shake.dx()) > scene.margin || Math.abs(shake.dy()) > scene.margin) {
			throw new IllegalArgumentException("shake " + shake + " exceeds the scene margin " + scene.margin);
		}
		int width = scene.width;
		byte[] samples = new byte[Math.multiplyExact(width * 2, scene.height)];
		float[] columnGains = sensor.vignettingGains(width);
		float[] rowGains = sensor.vignettingGains(scene.height);
		float black = sensor.blackLevel();
		float[] signal = scene.signal;
		float white = SensorModel.WHITE_LEVEL;
		bands.run(scene.height, (band, firstRow, endRow) -> {
			NoiseStream noise = new NoiseStream(frameSeed, band);
			float[] deviates = new float[width];
			short[] row = new short[width];
			ShortBuffer target = ByteBuffer.wrap(samples).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
			for (int y = firstRow; y < endRow; y++) {
				// two passes: the random look-ups, then arithmetic the compiler vectorises (kept free of
				// integer clamps and byte-order stores, which stop it); the row is copied out in bulk
				drawDeviates(noise, deviates);
				float rowGain = rowGains[y];
				int source = (y + scene.margin + shake.dy()) * scene.planeWidth + scene.margin + shake.dx();
				for (int x = 0; x < width; x++) {
					float expected = signal[source + x] * rowGain * columnGains[x];
					float sigma = (float) Math.sqrt(shotVariancePerDn * expected + readVariance);
					float value = expected + black + 0.5f + sigma * deviates[x];
					row[x] = (short) (int) Math.min(Math.max(value, 0f), white);
				}
				target.put(y * width, row);
			}
		});
		return ByteBuffer.wrap(samples).order(ByteOrder.LITTLE_ENDIAN);
	}

	/** Fills the row with standard normal deviates, four per 64 random bits. */
	private static void drawDeviates(NoiseStream noise, float[] deviates) {
		float[] table = GaussianTable.DEVIATES;
		int x = 0;
		for (; x + 4 <= deviates.length; x += 4) {
			long bits = noise.next();
			deviates[x] = table[(int) bits & GaussianTable.MASK];
			deviates[x + 1] = table[(int) (bits >>> 16) & GaussianTable.MASK];
			deviates[x + 2] = table[(int) (bits >>> 32) & GaussianTable.MASK];
			deviates[x + 3] = table[(int) (bits >>> 48) & GaussianTable.MASK];
		}
		for (long bits = noise.next(); x < deviates.length; x++, bits >>>= 16) {
			deviates[x] = table[(int) bits & GaussianTable.MASK];
		}
	}
}
