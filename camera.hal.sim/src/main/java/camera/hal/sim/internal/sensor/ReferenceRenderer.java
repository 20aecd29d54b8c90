package camera.hal.sim.internal.sensor;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import camera.hal.sim.internal.scene.TestScene;

/**
 * Renders what the first frame of a burst would record without noise and without the colour filter array:
 * every channel at every pixel, with the same vignetting, as the expected signal in DN above black.
 */
final class ReferenceRenderer {
	private static final VarHandle LITTLE_ENDIAN_SHORT =
			MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

	private ReferenceRenderer() {
	}

	/** @return width x height x 3 samples (R, G, B), 16-bit little-endian, rows without padding */
	static ByteBuffer render(TestScene scene, int width, int height, SensorModel sensor, RowBands bands) {
		byte[] samples = new byte[Math.multiplyExact(width * 6, height)];
		float[] columnGains = sensor.vignettingGains(width);
		float[] rowGains = sensor.vignettingGains(height);
		int fullScale = sensor.fullScale();
		bands.run(height, (firstRow, endRow) -> {
			float[] rgb = new float[3];
			for (int y = firstRow; y < endRow; y++) {
				for (int x = 0; x < width; x++) {
					scene.sample(x, y, rgb);
					for (int channel = 0; channel < 3; channel++) {
						// the same float operations, in the same order, as the mosaic and the frame renderer
						float atSensor = rgb[channel] * fullScale;
						float expected = atSensor * rowGains[y] * columnGains[x];
						int value = Math.clamp((long) (expected + 0.5f), 0, fullScale);
						LITTLE_ENDIAN_SHORT.set(samples, ((y * width + x) * 3 + channel) * 2, (short) value);
					}
				}
			}
		});
		return ByteBuffer.wrap(samples).order(ByteOrder.LITTLE_ENDIAN);
	}
}
