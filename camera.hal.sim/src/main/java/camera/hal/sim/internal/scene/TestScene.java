package camera.hal.sim.internal.scene;

/**
 * The deterministic scene in front of the simulated sensor, in linear light (Rec. 709 primaries, values 0 to
 * 0.9 so that highlights keep headroom). It is laid out relative to the frame so every profile sees the same
 * picture: a colour chart, a zone plate, primary and grey ramps, a Siemens star and lines of text-like glyphs
 * at three sizes over a smooth gradient. The seed moves the details (star rotation, zone plate phase, glyphs),
 * never the layout. Pixels outside the frame (the margin shake reaches into) continue the background.
 * <p>
 * Immutable and thread-safe.
 */
public final class TestScene {
	private static final int STAR_SPOKES = 48;
	/** The zone plate's frequency at its rim, in cycles per pixel: below Nyquist, so it is detail, not aliasing. */
	private static final double ZONE_PLATE_RIM_FREQUENCY = 0.4;
	private static final double RAMP_TOP = 0.46;
	private static final double RAMP_STRIP_HEIGHT = 0.02;

	private static final Region CHART = new Region(0.04, 0.05, 0.46, 0.43);
	private static final Region ZONE_PLATE = new Region(0.54, 0.05, 0.96, 0.43);
	private static final Region RAMPS = new Region(0.0, RAMP_TOP, 1.0, RAMP_TOP + 4 * RAMP_STRIP_HEIGHT);
	private static final Region STAR = new Region(0.04, 0.57, 0.46, 0.95);
	private static final Region TEXT = new Region(0.54, 0.57, 0.96, 0.95);

	private final long seed;
	private final int width;
	private final int height;
	private final ColorChart chart = new ColorChart();
	private final double starRotation;
	private final double zonePlatePhase;
	private final int glyphDot;

	/**
	 * @param seed   chooses the details
	 * @param width  of the frame the scene is laid out for
	 * @param height of the frame the scene is laid out for
	 */
	public TestScene(long seed, int width, int height) {
		this.seed = seed;
		this.width = width;
		this.height = height;
		this.starRotation = SeedMixer.unit(seed, 1) * 2 * Math.PI / STAR_SPOKES;
		this.zonePlatePhase = SeedMixer.unit(seed, 2) * 2 * Math.PI;
		this.glyphDot = Math.max(1, Math.round(height / 1500f));
	}

	/**
	 * Writes the linear R, G, B of the pixel at x, y (which may lie outside the frame) into rgb[0..2].
	 */
	public void sample(int x, int y, float[] rgb) {
		double u = (x + 0.5) / width;
		double v = (y + 0.5) / height;
		if (CHART.contains(u, v)) {
			chart(u, v, rgb);
		} else if (ZONE_PLATE.contains(u, v)) {
			grey(zonePlate(x, y), rgb);
		} else if (RAMPS.contains(u, v)) {
			ramp(u, v, rgb);
		} else if (STAR.contains(u, v)) {
			grey(star(x, y), rgb);
		} else if (TEXT.contains(u, v)) {
			text(x, y, rgb);
		} else {
			background(u, v, rgb);
		}
	}

	private void chart(double u, double v, float[] rgb) {
		double column = CHART.across(u) * ColorChart.COLUMNS;
		double row = CHART.down(v) * ColorChart.ROWS;
		double insideColumn = column - Math.floor(column);
		double insideRow = row - Math.floor(row);
		boolean gap = insideColumn < 0.08 || insideColumn > 0.92 || insideRow < 0.08 || insideRow > 0.92;
		if (gap) {
			grey(0.02f, rgb);
			return;
		}
		int c = Math.min((int) column, ColorChart.COLUMNS - 1);
		int r = Math.min((int) row, ColorChart.ROWS - 1);
		for (int channel = 0; channel < 3; channel++) {
			rgb[channel] = chart.patch(c, r, channel);
		}
	}

	private float zonePlate(int x, int y) {
		double centreX = ZONE_PLATE.centreU() * width;
		double centreY = ZONE_PLATE.centreV() * height;
		double radius = ZONE_PLATE.halfExtentPixels(width, height);
		double dx = x + 0.5 - centreX;
		double dy = y + 0.5 - centreY;
		double radiusSquared = dx * dx + dy * dy;
		if (radiusSquared > radius * radius) {
			return 0.18f;
		}
		// phase k*r^2 has local frequency k*r/pi cycles per pixel
		double k = Math.PI * ZONE_PLATE_RIM_FREQUENCY / radius;
		return (float) (0.42 + 0.36 * Math.cos(k * radiusSquared + zonePlatePhase));
	}

	private void ramp(double u, double v, float[] rgb) {
		int strip = Math.min(3, (int) ((v - RAMP_TOP) / RAMP_STRIP_HEIGHT));
		float level = (float) (0.005 + 0.885 * u);
		for (int channel = 0; channel < 3; channel++) {
			rgb[channel] = strip == 3 || strip == channel ? level : 0.005f;
		}
	}

	private float star(int x, int y) {
		double radius = STAR.halfExtentPixels(width, height);
		double dx = x + 0.5 - STAR.centreU() * width;
		double dy = y + 0.5 - STAR.centreV() * height;
		double r = Math.sqrt(dx * dx + dy * dy);
		if (r > radius) {
			return 0.5f;
		}
		double spoke = Math.sin(STAR_SPOKES * Math.atan2(dy, dx) + starRotation);
		// near an edge the distance to it in pixels is about spoke * r / spokes: a one-pixel soft edge
		double coverage = Math.clamp(0.5 + spoke * r / STAR_SPOKES, 0.0, 1.0);
		return (float) (0.03 + 0.8 * coverage);
	}

	private void text(int x, int y, float[] rgb) {
		int left = (int) (TEXT.u0() * width);
		int top = (int) (TEXT.v0() * height);
		int bandHeight = Math.max(1, (int) ((TEXT.v1() - TEXT.v0()) * height / 3));
		int band = Math.min(2, (y - top) / bandHeight);
		int dot = glyphDot * (3 - band);
		int localX = x - left;
		int localY = y - top - band * bandHeight;
		// a glyph is 5x7 dots in a cell of 6x10 dots
		int column = localX / (6 * dot);
		int line = localY / (10 * dot);
		int dotX = localX % (6 * dot) / dot;
		int dotY = localY % (10 * dot) / dot;
		boolean ink = false;
		if (dotX < 5 && dotY < 7) {
			long glyph = SeedMixer.mix(seed, ((long) band << 40) ^ ((long) line << 20) ^ column);
			boolean wordGap = Long.remainderUnsigned(glyph, 7) == 0;
			ink = !wordGap && ((glyph >>> (dotY * 5 + dotX + 3)) & 1) == 1;
		}
		if (ink) {
			grey(0.03f, rgb);
		} else {
			rgb[0] = 0.80f;
			rgb[1] = 0.78f;
			rgb[2] = 0.70f;
		}
	}

	private static void background(double u, double v, float[] rgb) {
		float base = (float) (0.08 + 0.5 * u * (1 - 0.3 * v));
		rgb[0] = base * (float) (0.9 + 0.2 * v);
		rgb[1] = base;
		rgb[2] = base * (float) (1.1 - 0.2 * v);
	}

	private static void grey(float level, float[] rgb) {
		rgb[0] = level;
		rgb[1] = level;
		rgb[2] = level;
	}

	/** A rectangle of the frame in fractions of its width and height. */
	private record Region(double u0, double v0, double u1, double v1) {
		boolean contains(double u, double v) {
			return u >= u0 && u < u1 && v >= v0 && v < v1;
		}

		double across(double u) {
			return (u - u0) / (u1 - u0);
		}

		double down(double v) {
			return (v - v0) / (v1 - v0);
		}

		double centreU() {
			return (u0 + u1) / 2;
		}

		double centreV() {
			return (v0 + v1) / 2;
		}

		double halfExtentPixels(int width, int height) {
			return Math.min((u1 - u0) * width, (v1 - v0) * height) / 2;
		}
	}
}
