package camera.bench.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

/**
 * Draws the latency distributions of one {@code camera:bench --samples} run as a PNG: the cumulative share of
 * captures done by each time (phase 1 and single-phase on one axis), one tick per capture under the axis, and
 * each mode's p50 and p99 in the legend. Not a test: {@code bench/benchmarks.sh} runs it on the test classpath.
 * <p>
 * Arguments: {@code <samples file> <png file> [title]}. Needs only java.desktop (headless).
 */
public final class LatencyPlot {
	private static final int WIDTH = 960;
	private static final int HEIGHT = 580;
	private static final int LEFT = 80;
	private static final int RIGHT = 40;
	private static final int TOP = 60;
	private static final int BOTTOM = 130;
	private static final Map<String, String> LABELS = Map.of(
			SampleFile.PHASE1, "deferred: capture \u2192 photoAssetAvailable (phase 1)",
			SampleFile.SINGLE, "single-phase: capture \u2192 photoAvailable");
	private static final Map<String, Color> COLOURS = Map.of(
			SampleFile.PHASE1, new Color(0x1f, 0x77, 0xb4),
			SampleFile.SINGLE, new Color(0xd6, 0x5f, 0x00));

	private LatencyPlot() {
	}

	public static void main(String[] arguments) throws IOException {
		if (arguments.length < 2) {
			System.err.println("usage: LatencyPlot <samples file> <png file> [title]");
			System.exit(2);
		}
		Map<String, List<Double>> samples = LatencySamples.read(Path.of(arguments[0]));
		if (samples.isEmpty()) {
			System.err.println("LatencyPlot: " + arguments[0] + " holds no samples");
			System.exit(1);
		}
		String title = arguments.length > 2 ? arguments[2] : "camera:bench: latency of each capture";
		ImageIO.write(draw(samples, title), "png", Path.of(arguments[1]).toFile());
	}

	static BufferedImage draw(Map<String, List<Double>> samples, String title) {
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, WIDTH, HEIGHT);
			double max = samples.values().stream().flatMap(List::stream).mapToDouble(Double::doubleValue).max()
					.orElse(1);
			double step = niceStep(max * 1.05 / 8);
			double xMax = Math.ceil(max * 1.05 / step) * step;
			axes(g, xMax, step);
			g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
			g.setColor(Color.BLACK);
			g.drawString(title, LEFT, 32);
			int row = 0;
			for (Map.Entry<String, List<Double>> mode : samples.entrySet()) {
				double[] sorted = mode.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
				Color colour = COLOURS.getOrDefault(mode.getKey(), Color.DARK_GRAY);
				curve(g, sorted, xMax, colour);
				rug(g, sorted, xMax, colour, row);
				legend(g, mode.getKey(), sorted, colour, row);
				row++;
			}
		} finally {
			g.dispose();
		}
		return image;
	}

	private static void axes(Graphics2D g, double xMax, double step) {
		int plotWidth = WIDTH - LEFT - RIGHT;
		int plotHeight = HEIGHT - TOP - BOTTOM;
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
		FontMetrics metrics = g.getFontMetrics();
		for (int percent = 0; percent <= 100; percent += 25) {
			int y = y(percent / 100.0);
			g.setColor(new Color(0xe4, 0xe4, 0xe4));
			g.drawLine(LEFT, y, LEFT + plotWidth, y);
			g.setColor(Color.BLACK);
			String label = percent + " %";
			g.drawString(label, LEFT - 8 - metrics.stringWidth(label), y + metrics.getAscent() / 2 - 1);
		}
		for (double value = 0; value <= xMax + step / 2; value += step) {
			int x = x(value, xMax);
			g.setColor(new Color(0xe4, 0xe4, 0xe4));
			g.drawLine(x, TOP, x, TOP + plotHeight);
			g.setColor(Color.BLACK);
			String label = number(value);
			g.drawString(label, x - metrics.stringWidth(label) / 2, TOP + plotHeight + 34);
		}
		g.setColor(Color.BLACK);
		g.drawRect(LEFT, TOP, plotWidth, plotHeight);
		String xTitle = "milliseconds from capture() to the event (one tick below the axis per capture)";
		g.drawString(xTitle, LEFT + (plotWidth - metrics.stringWidth(xTitle)) / 2, TOP + plotHeight + 56);
		Graphics2D rotated = (Graphics2D) g.create();
		rotated.rotate(-Math.PI / 2);
		String yTitle = "share of captures done";
		rotated.drawString(yTitle, -(TOP + (plotHeight + metrics.stringWidth(yTitle)) / 2), 22);
		rotated.dispose();
	}

	/** The empirical cumulative distribution as steps: at each sample the share done rises by one capture. */
	private static void curve(Graphics2D g, double[] sorted, double xMax, Color colour) {
		Path2D.Double path = new Path2D.Double();
		path.moveTo(x(0, xMax), y(0));
		for (int i = 0; i < sorted.length; i++) {
			path.lineTo(x(sorted[i], xMax), y(i / (double) sorted.length));
			path.lineTo(x(sorted[i], xMax), y((i + 1) / (double) sorted.length));
		}
		path.lineTo(x(xMax, xMax), y(1));
		g.setColor(colour);
		g.setStroke(new BasicStroke(2.5f));
		g.draw(path);
		g.setStroke(new BasicStroke(1));
	}

	private static void rug(Graphics2D g, double[] sorted, double xMax, Color colour, int row) {
		int top = HEIGHT - BOTTOM + 4 + row * 9;
		g.setColor(colour);
		for (double value : sorted) {
			int x = x(value, xMax);
			g.drawLine(x, top, x, top + 7);
		}
	}

	private static void legend(Graphics2D g, String mode, double[] sorted, Color colour, int row) {
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
		String text = String.format(Locale.ROOT, "%s: n=%d, p50 %s ms, p99 %s ms",
				LABELS.getOrDefault(mode, mode), sorted.length, number(percentile(sorted, 50)),
				number(percentile(sorted, 99)));
		FontMetrics metrics = g.getFontMetrics();
		// Below the axis title, where no curve can run
		int x = LEFT;
		int y = HEIGHT - BOTTOM + 82 + row * 22;
		g.setColor(colour);
		g.setStroke(new BasicStroke(2.5f));
		g.drawLine(x, y - metrics.getAscent() / 2, x + 22, y - metrics.getAscent() / 2);
		g.setStroke(new BasicStroke(1));
		g.setColor(Color.BLACK);
		g.drawString(text, x + 30, y);
	}

	/** Nearest rank, as camera:bench's own percentiles. */
	private static double percentile(double[] sorted, double percent) {
		int rank = (int) Math.ceil(percent / 100 * sorted.length);
		return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
	}

	private static double niceStep(double rough) {
		double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(rough, 1e-3))));
		return Arrays.stream(new double[] {1, 2, 5, 10}).map(f -> f * magnitude).filter(s -> s >= rough)
				.findFirst().orElse(10 * magnitude);
	}

	private static int x(double value, double xMax) {
		return LEFT + (int) Math.round(value / xMax * (WIDTH - LEFT - RIGHT));
	}

	private static int y(double share) {
		return TOP + (int) Math.round((1 - share) * (HEIGHT - TOP - BOTTOM));
	}

	private static String number(double value) {
		return value == Math.rint(value) ? String.valueOf((long) value)
				: String.format(Locale.ROOT, "%.1f", value);
	}
}
