package camera.develop.internal.pipeline;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import camera.api.hal.BayerPattern;
import camera.api.hal.FrameMetadata;
import camera.api.hal.PixelFormat;
import camera.api.hal.RawFrame;

/**
 * A small deterministic sensor for tests and benchmarks: a synthetic scene (gradient, colour patches with hard
 * edges, a fine grating, a dark corner) sampled through a Bayer mosaic with shot and read noise, plus the
 * noise-free linear reference of the first frame. Frame {@code k} sees the scene moved by {@code offsets[k]}.
 */
public final class SyntheticBurst {
	public static final int BLACK = 64;
	public static final int WHITE = 4095;

	/** The frames of one capture and what a perfect development of frame 0 would show. */
	public record Shot(List<RawFrame> frames, RawFrame reference) {
	}

	private final int width;
	private final int height;
	private final BayerPattern pattern;
	private final double shotGain;
	private final double readNoise;

	/**
	 * @param shotGain  raw units per photo-electron (high ISO: around 4)
	 * @param readNoise standard deviation of the read noise in raw units
	 */
	public SyntheticBurst(int width, int height, BayerPattern pattern, double shotGain, double readNoise) {
		this.width = width;
		this.height = height;
		this.pattern = pattern;
		this.shotGain = shotGain;
		this.readNoise = readNoise;
	}

	/** @param offsets one {x, y} scene offset per frame; the first is normally {0, 0} */
	public Shot capture(long seed, int[]... offsets) {
		SplittableRandom random = new SplittableRandom(seed);
		List<RawFrame> frames = new ArrayList<>();
		for (int[] offset : offsets) {
			frames.add(mosaic(offset[0], offset[1], random.split()));
		}
		return new Shot(frames, reference(offsets[0][0], offsets[0][1]));
	}

	private RawFrame mosaic(int offsetX, int offsetY, SplittableRandom random) {
		ByteBuffer data = ByteBuffer.allocateDirect(width * height * 2).order(ByteOrder.LITTLE_ENDIAN);
		double[] rgb = new double[3];
		int[] sites = siteChannels(pattern);
		double range = WHITE - BLACK;
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				scene(x + offsetX, y + offsetY, rgb);
				double signal = range * rgb[sites[((y & 1) << 1) | (x & 1)]];
				double sigma = Math.sqrt(readNoise * readNoise + shotGain * signal);
				long value = Math.round(BLACK + signal + sigma * random.nextGaussian());
				data.putShort((short) Math.max(0, Math.min(WHITE, value)));
			}
		}
		return new RawFrame(PixelFormat.RAW_BAYER16, width, height, width * 2, data.flip(),
				new FrameMetadata(0, 10_000_000, 3200, BLACK, WHITE, pattern));
	}

	private RawFrame reference(int offsetX, int offsetY) {
		ByteBuffer data = ByteBuffer.allocate(width * height * 6).order(ByteOrder.LITTLE_ENDIAN);
		double[] rgb = new double[3];
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				scene(x + offsetX, y + offsetY, rgb);
				for (double channel : rgb) {
					data.putShort((short) Math.round(BLACK + (WHITE - BLACK) * channel));
				}
			}
		}
		return new RawFrame(PixelFormat.RGB48_LINEAR, width, height, width * 6, data.flip(),
				new FrameMetadata(0, 0, 0, BLACK, WHITE, null));
	}

	/**
	 * The scene in linear light, 0..1 per channel, at integer scene coordinates. Edges are ramps a few pixels
	 * wide, as behind a real lens: a sensor never sees a step sharper than its optics.
	 */
	static void scene(int x, int y, double[] rgb) {
		rgb[0] = 0.12 + 0.25 * Math.sin(x * 0.004) * Math.sin(x * 0.004);
		rgb[1] = 0.15 + 0.2 * (0.5 + 0.5 * Math.cos(y * 0.006));
		rgb[2] = 0.1 + 0.15 * (0.5 + 0.5 * Math.sin((x + y) * 0.003));
		int cell = Math.floorMod(Math.floorDiv(x, 48) * 7 + Math.floorDiv(y, 40) * 3, 9);
		int insideX = Math.floorMod(x, 48);
		int insideY = Math.floorMod(y, 40);
		double coverage = ramp(insideX - 6) * ramp(40 - insideX) * ramp(insideY - 6) * ramp(32 - insideY);
		if (coverage == 0 || cell == 8) {
			return;
		}
		double red;
		double green;
		double blue;
		if (cell < 6) {
			red = cell == 0 || cell == 3 || cell == 5 ? 0.7 : 0.08;
			green = cell == 1 || cell == 3 || cell == 4 ? 0.6 : 0.08;
			blue = cell == 2 || cell == 4 || cell == 5 ? 0.65 : 0.06;
		} else if (cell == 6) {
			red = green = blue = 0.1 + 0.5 * (0.5 + 0.5 * Math.sin(insideX * 0.6));
		} else {
			red = green = blue = 0.02;
		}
		rgb[0] += coverage * (red - rgb[0]);
		rgb[1] += coverage * (green - rgb[1]);
		rgb[2] += coverage * (blue - rgb[2]);
	}

	/** 0 outside, 1 inside, a smooth step over about four pixels across the border at 0. */
	private static double ramp(double distanceInside) {
		double t = Math.max(0, Math.min(1, (distanceInside + 2) / 4));
		return t * t * (3 - 2 * t);
	}

	private static int[] siteChannels(BayerPattern pattern) {
		return switch (pattern) {
			case RGGB -> new int[] {0, 1, 1, 2};
			case BGGR -> new int[] {2, 1, 1, 0};
			case GRBG -> new int[] {1, 0, 2, 1};
			case GBRG -> new int[] {1, 2, 0, 1};
		};
	}
}
