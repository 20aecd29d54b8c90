package camera.develop.internal.pipeline;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import java.util.function.IntBinaryOperator;

import camera.api.hal.BayerPattern;
import camera.api.hal.FrameMetadata;
import camera.api.hal.PixelFormat;
import camera.api.hal.RawFrame;

/** RGGB frames of a grey scene given as a function of the site, with Gaussian noise of a fixed spread. */
final class NoisyMosaic {
	private NoisyMosaic() {
	}

	/** @param scene the black-subtracted value at {@code (x, y)} */
	static BayerMosaic of(int width, int height, IntBinaryOperator scene, double sigma, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		ByteBuffer data = ByteBuffer.allocate(width * height * 2).order(ByteOrder.LITTLE_ENDIAN);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				long value = Math.round(SyntheticBurst.BLACK + scene.applyAsInt(x, y) + sigma * random.nextGaussian());
				data.putShort((short) Math.clamp(value, 0, SyntheticBurst.WHITE));
			}
		}
		return BayerMosaic.of(new RawFrame(PixelFormat.RAW_BAYER16, width, height, width * 2, data.flip(),
				new FrameMetadata(0, 1_000_000, 3200, SyntheticBurst.BLACK, SyntheticBurst.WHITE, BayerPattern.RGGB)));
	}
}
