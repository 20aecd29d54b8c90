package camera.develop.internal.pipeline;

import java.util.List;

/**
 * Merges aligned Bayer frames into one mosaic, site by site, with weights that fall to zero where a frame
 * disagrees with the reference by much more than the noise explains (moving subjects, misalignment). A frame
 * shifted by an odd amount has another colour at the aligned site, so the same colour is taken from the
 * neighbouring sites that have it. Immutable; each thread passes its own {@link Scratch}.
 */
final class BurstMerger {
	/** Differences beyond this many standard deviations of the difference get no weight. */
	private static final double REJECTION_SIGMAS = 4;
	/** How far from the aligned site a sample may be read: three sites for the cubic interpolation. */
	private static final int REACH = 3;

	private final List<BayerMosaic> frames;
	private final List<FrameShift> shifts;
	private final NoiseModel noise;

	BurstMerger(List<BayerMosaic> frames, List<FrameShift> shifts, NoiseModel noise) {
		this.frames = frames;
		this.shifts = shifts;
		this.noise = noise;
	}

	/** Row buffers of one thread. */
	static final class Scratch {
		final short[] reference;
		final short[] farAbove;
		final short[] above;
		final short[] row;
		final short[] below;
		final short[] farBelow;
		final float[] sum;
		final float[] weight;
		final float[] rejection;

		Scratch(int width) {
			reference = new short[width];
			farAbove = new short[width];
			above = new short[width];
			row = new short[width];
			below = new short[width];
			farBelow = new short[width];
			sum = new float[width];
			weight = new float[width];
			rejection = new float[width];
		}
	}

	/** Writes the merged, black-subtracted row {@code y} into {@code destination} from {@code offset}. */
	void mergeRow(int y, float[] destination, int offset, Scratch scratch) {
		BayerMosaic first = frames.get(0);
		int width = first.width;
		first.readRow(y, scratch.reference, 0);
		float black = first.blackLevel;
		double rejectionScale = 1 / (REJECTION_SIGMAS * REJECTION_SIGMAS * 2);
		for (int x = 0; x < width; x++) {
			float value = (scratch.reference[x] & 0xFFFF) - black;
			scratch.sum[x] = value;
			scratch.weight[x] = 1;
			scratch.rejection[x] = (float) (rejectionScale / noise.variance(value));
		}
		for (int k = 1; k < frames.size(); k++) {
			accumulate(frames.get(k), shifts.get(k), y, scratch);
		}
		for (int x = 0; x < width; x++) {
			destination[offset + x] = scratch.sum[x] / scratch.weight[x];
		}
	}

	private void accumulate(BayerMosaic frame, FrameShift shift, int y, Scratch scratch) {
		int sourceY = y + shift.dy();
		if (sourceY < REACH || sourceY >= frame.height - REACH) {
			return;
		}
		int dx = shift.dx();
		boolean oddX = (dx & 1) != 0;
		boolean oddY = (shift.dy() & 1) != 0;
		frame.readRow(sourceY, scratch.row, 0);
		if (oddY) {
			frame.readRow(sourceY - 3, scratch.farAbove, 0);
			frame.readRow(sourceY - 1, scratch.above, 0);
			frame.readRow(sourceY + 1, scratch.below, 0);
			frame.readRow(sourceY + 3, scratch.farBelow, 0);
		}
		int firstX = Math.max(0, REACH - dx);
		int endX = Math.min(frame.width, frame.width - REACH - dx);
		float black = frame.blackLevel;
		short[] row = scratch.row;
		short[] above = scratch.above;
		short[] below = scratch.below;
		if (!oddX && !oddY) {
			for (int x = firstX; x < endX; x++) {
				blend(x, (row[x + dx] & 0xFFFF) - black, scratch);
			}
		} else if (!oddY) {
			for (int x = firstX; x < endX; x++) {
				int s = x + dx;
				blend(x, cubic(row[s - 3], row[s - 1], row[s + 1], row[s + 3]) - black, scratch);
			}
		} else if (!oddX) {
			short[] farAbove = scratch.farAbove;
			short[] farBelow = scratch.farBelow;
			for (int x = firstX; x < endX; x++) {
				int s = x + dx;
				blend(x, cubic(farAbove[s], above[s], below[s], farBelow[s]) - black, scratch);
			}
		} else {
			// Shifted diagonally, green lands on green while red and blue land on each other.
			int greenParity = frames.get(0).greenParity(y);
			for (int x = firstX; x < endX; x++) {
				int s = x + dx;
				float sample = ((x ^ greenParity) & 1) == 0 ? row[s] & 0xFFFF
						: ((above[s - 1] & 0xFFFF) + (above[s + 1] & 0xFFFF) + (below[s - 1] & 0xFFFF)
								+ (below[s + 1] & 0xFFFF)) * 0.25f;
				blend(x, sample - black, scratch);
			}
		}
	}

	/** The value midway between the middle two of four equally spaced samples (cubic interpolation). */
	private static float cubic(short farBefore, short before, short after, short farAfter) {
		return (9 * ((before & 0xFFFF) + (after & 0xFFFF)) - (farBefore & 0xFFFF) - (farAfter & 0xFFFF)) * 0.0625f;
	}

	/** Adds a sample weighted by its agreement with the estimate so far. */
	private static void blend(int x, float sample, Scratch scratch) {
		float difference = sample - scratch.sum[x] / scratch.weight[x];
		float weight = 1 - difference * difference * scratch.rejection[x];
		if (weight > 0) {
			scratch.sum[x] += weight * sample;
			scratch.weight[x] += weight;
		}
	}
}
