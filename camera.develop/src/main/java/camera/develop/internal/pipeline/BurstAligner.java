package camera.develop.internal.pipeline;

/**
 * Estimates the global integer shift of each burst frame against the first one, coarse to fine: on 1/16 and 1/8
 * scale luminance pyramids, then to the pixel on a window of 2x2 box sums of the mosaic, placed where the
 * reference has the most texture in both directions (a smooth or one-directional window, such as a ramp, leaves
 * the shift along it to the noise). Any 2x2 window
 * of a Bayer mosaic holds one red, two green and one blue site, so the box sum is a colour-neutral luminance at
 * every pixel and odd shifts are found as well as even ones. The reference's pyramid is built once; estimating
 * is thread-safe.
 */
final class BurstAligner {
	private static final int BLOCK = 8;
	private static final int COARSE_RADIUS = 8;
	private static final int MIDDLE_RADIUS = 2;
	private static final int FINE_RADIUS = 7;
	private static final int WINDOW = 256;
	/** Candidate fine windows per axis, spread over the frame. */
	private static final int CANDIDATES = 5;

	private final BayerMosaic reference;
	private final Plane referenceEighth;
	private final Plane referenceSixteenth;

	BurstAligner(BayerMosaic reference) {
		this.reference = reference;
		referenceEighth = Plane.blockMeans(reference, BLOCK);
		referenceSixteenth = referenceEighth.halved();
	}

	FrameShift shiftOf(BayerMosaic frame) {
		if (frame.width != reference.width || frame.height != reference.height) {
			throw new IllegalArgumentException("burst frames differ in size: " + frame.width + "x" + frame.height
					+ " against " + reference.width + "x" + reference.height);
		}
		Plane eighth = Plane.blockMeans(frame, BLOCK);
		Plane sixteenth = eighth.halved();
		int coarseRadius = Math.min(COARSE_RADIUS, Math.min(sixteenth.width, sixteenth.height) / 4);
		int[] coarse = referenceSixteenth.bestShift(sixteenth, 0, 0, coarseRadius);
		int[] middle = referenceEighth.bestShift(eighth, 2 * coarse[0], 2 * coarse[1], MIDDLE_RADIUS);
		return fineShift(frame, BLOCK * middle[0], BLOCK * middle[1]);
	}

	private FrameShift fineShift(BayerMosaic frame, int baseX, int baseY) {
		int windowWidth = Math.min(WINDOW, reference.width - 1);
		int windowHeight = Math.min(WINDOW, reference.height - 1);
		int[] corner = texturedWindow(windowWidth, windowHeight);
		int windowX = corner[0];
		int windowY = corner[1];
		Plane window = Plane.boxSums(reference, windowX, windowY, windowWidth, windowHeight);
		int regionX = Math.max(0, windowX + baseX - FINE_RADIUS);
		int regionY = Math.max(0, windowY + baseY - FINE_RADIUS);
		int regionEndX = Math.min(frame.width - 1, windowX + windowWidth + baseX + FINE_RADIUS);
		int regionEndY = Math.min(frame.height - 1, windowY + windowHeight + baseY + FINE_RADIUS);
		if (regionEndX - regionX < 2 || regionEndY - regionY < 2) {
			return new FrameShift(baseX, baseY);
		}
		Plane region = Plane.boxSums(frame, regionX, regionY, regionEndX - regionX, regionEndY - regionY);
		int[] best = window.bestShift(region, baseX + windowX - regionX, baseY + windowY - regionY, FINE_RADIUS);
		return new FrameShift(best[0] - windowX + regionX, best[1] - windowY + regionY);
	}

	/** @return the top left corner of the candidate window whose weaker direction has the most texture */
	private int[] texturedWindow(int windowWidth, int windowHeight) {
		int spanX = reference.width - 1 - windowWidth;
		int spanY = reference.height - 1 - windowHeight;
		int[] best = {spanX / 2, spanY / 2};
		double bestTexture = -1;
		for (int row = 0; row < CANDIDATES; row++) {
			for (int column = 0; column < CANDIDATES; column++) {
				int x = spanX * (2 * column + 1) / (2 * CANDIDATES);
				int y = spanY * (2 * row + 1) / (2 * CANDIDATES);
				double texture = referenceEighth.texture(x / BLOCK, y / BLOCK, Math.max(2, windowWidth / BLOCK),
						Math.max(2, windowHeight / BLOCK));
				if (texture > bestTexture) {
					bestTexture = texture;
					best = new int[] {x, y};
				}
			}
		}
		return best;
	}

	/** A small single-channel image used only for alignment. */
	private record Plane(int width, int height, float[] values) {

		static Plane blockMeans(BayerMosaic mosaic, int block) {
			int width = Math.max(1, mosaic.width / block);
			int height = Math.max(1, mosaic.height / block);
			float[] sums = new float[width * height];
			short[] row = new short[mosaic.width];
			for (int y = 0; y < height * block; y++) {
				mosaic.readRow(y, row, 0);
				int base = (y / block) * width;
				for (int column = 0, x = 0; column < width; column++) {
					int sum = 0;
					for (int end = x + block; x < end; x++) {
						sum += row[x] & 0xFFFF;
					}
					sums[base + column] += sum;
				}
			}
			float scale = 1f / (block * block);
			for (int i = 0; i < sums.length; i++) {
				sums[i] *= scale;
			}
			return new Plane(width, height, sums);
		}

		static Plane boxSums(BayerMosaic mosaic, int left, int top, int width, int height) {
			float[] values = new float[width * height];
			short[] upper = new short[mosaic.width];
			short[] lower = new short[mosaic.width];
			for (int y = 0; y < height; y++) {
				mosaic.readRow(top + y, upper, 0);
				mosaic.readRow(top + y + 1, lower, 0);
				for (int x = 0; x < width; x++) {
					int c = left + x;
					values[y * width + x] = (upper[c] & 0xFFFF) + (upper[c + 1] & 0xFFFF) + (lower[c] & 0xFFFF)
							+ (lower[c + 1] & 0xFFFF);
				}
			}
			return new Plane(width, height, values);
		}

		/** @return the smaller of the summed horizontal and vertical differences over a region, clipped to the plane */
		double texture(int left, int top, int regionWidth, int regionHeight) {
			double horizontal = 0;
			double vertical = 0;
			int right = Math.min(width - 1, left + regionWidth);
			int bottom = Math.min(height - 1, top + regionHeight);
			for (int y = top; y < bottom; y++) {
				for (int x = left; x < right; x++) {
					int i = y * width + x;
					horizontal += Math.abs(values[i + 1] - values[i]);
					vertical += Math.abs(values[i + width] - values[i]);
				}
			}
			return Math.min(horizontal, vertical);
		}

		Plane halved() {
			int halfWidth = Math.max(1, width / 2);
			int halfHeight = Math.max(1, height / 2);
			float[] half = new float[halfWidth * halfHeight];
			for (int y = 0; y < halfHeight; y++) {
				for (int x = 0; x < halfWidth; x++) {
					int i = 2 * y * width + 2 * x;
					float sum = values[i];
					sum += 2 * x + 1 < width ? values[i + 1] : values[i];
					sum += 2 * y + 1 < height ? values[i + width] : values[i];
					sum += 2 * x + 1 < width && 2 * y + 1 < height ? values[i + width + 1] : values[i];
					half[y * halfWidth + x] = sum * 0.25f;
				}
			}
			return new Plane(halfWidth, halfHeight, half);
		}

		/**
		 * @return the shift {@code (dx, dy)} within {@code radius} of the centre that minimises the mean squared
		 *         difference between this plane at {@code (x, y)} and {@code other} at {@code (x+dx, y+dy)}
		 */
		int[] bestShift(Plane other, int centreX, int centreY, int radius) {
			int[] best = {centreX, centreY};
			double bestError = Double.MAX_VALUE;
			long minimumOverlap = Math.max(1, (long) width * height / 4);
			for (int dy = centreY - radius; dy <= centreY + radius; dy++) {
				int y0 = Math.max(0, -dy);
				int y1 = Math.min(height, other.height - dy);
				for (int dx = centreX - radius; dx <= centreX + radius; dx++) {
					int x0 = Math.max(0, -dx);
					int x1 = Math.min(width, other.width - dx);
					long overlap = (long) Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
					if (overlap < minimumOverlap) {
						continue;
					}
					double error = 0;
					for (int y = y0; y < y1; y++) {
						error += rowError(other, y * width, (y + dy) * other.width + dx, x0, x1);
					}
					error /= overlap;
					if (error < bestError) {
						bestError = error;
						best = new int[] {dx, dy};
					}
				}
			}
			return best;
		}

		/** Squared differences along one row, in four independent sums so the additions overlap. */
		private float rowError(Plane other, int here, int there, int x0, int x1) {
			float[] mine = values;
			float[] theirs = other.values;
			float first = 0, second = 0, third = 0, fourth = 0;
			int x = x0;
			for (; x + 3 < x1; x += 4) {
				float a = mine[here + x] - theirs[there + x];
				float b = mine[here + x + 1] - theirs[there + x + 1];
				float c = mine[here + x + 2] - theirs[there + x + 2];
				float d = mine[here + x + 3] - theirs[there + x + 3];
				first += a * a;
				second += b * b;
				third += c * c;
				fourth += d * d;
			}
			for (; x < x1; x++) {
				float difference = mine[here + x] - theirs[there + x];
				first += difference * difference;
			}
			return (first + second) + (third + fourth);
		}
	}
}
