package camera.develop.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.log.Logger;

import camera.api.hal.BayerPattern;
import camera.develop.ExifData;
import camera.develop.RgbImage;
import camera.develop.internal.codec.ExifJpegCodec;
import camera.develop.internal.pipeline.Configurations;
import camera.develop.internal.pipeline.SyntheticBurst;
import camera.develop.internal.pipeline.TiledPhotoDeveloper;

/**
 * Phase 1's JPEG encoding next to an outside encoder: develops one synthetic frame the way phase 1 does
 * ({@code developFast}: binned to half size), writes those pixels as a binary PPM for {@code cjpeg}, and times the
 * platform's codec encoding them at phase 1's quality (median wall time, the codec as configured by default:
 * libjpeg-turbo where it loads, in stripes on every core). Not a test: {@code bench/benchmarks.sh} runs it and
 * times {@code cjpeg -quality <q>} on the PPM beside it.
 * <p>
 * Arguments: {@code <ppm file> [frame width] [frame height] [quality] [rounds]}, defaults 4000 3000 80 (the
 * {@code camera.deferred.quality} default for first-phase images) and 10. Prints {@code key=value} lines. Run with
 * {@code --enable-native-access=ALL-UNNAMED} on the test classpath.
 */
public final class FastJpegBenchmark {
	private FastJpegBenchmark() {
	}

	public static void main(String[] arguments) throws IOException {
		if (arguments.length < 1) {
			System.err.println("usage: FastJpegBenchmark <ppm file> [frame width] [frame height] [quality] [rounds]");
			System.exit(2);
		}
		Path ppm = Path.of(arguments[0]);
		int width = arguments.length > 1 ? Integer.parseInt(arguments[1]) : 4000;
		int height = arguments.length > 2 ? Integer.parseInt(arguments[2]) : 3000;
		int quality = arguments.length > 3 ? Integer.parseInt(arguments[3]) : 80;
		int rounds = arguments.length > 4 ? Integer.parseInt(arguments[4]) : 10;
		SyntheticBurst.Shot shot = new SyntheticBurst(width, height, BayerPattern.RGGB, 16, 24)
				.capture(42, new int[] {0, 0});
		TiledPhotoDeveloper developer = Configurations.developer(Map.of());
		ExifJpegCodec codec = codec();
		ExifData exif = new ExifData(Instant.now(), 1, "Darkroom", "Benchmark", 10_000_000, 3200, null);
		try {
			RgbImage fast = developer.developFast(shot.frames().get(0));
			writePpm(fast, ppm);
			double[] times = new double[rounds];
			int bytes = codec.encode(fast, quality, exif).length;
			codec.encode(fast, quality, exif);
			for (int i = 0; i < rounds; i++) {
				long start = System.nanoTime();
				codec.encode(fast, quality, exif);
				times[i] = (System.nanoTime() - start) / 1e6;
			}
			Arrays.sort(times);
			System.out.println("fast_jpeg.size=" + fast.width() + "x" + fast.height());
			System.out.println("fast_jpeg.quality=" + quality);
			System.out.println("fast_jpeg.codec=" + codec.name());
			System.out.println("fast_jpeg.cores=" + Runtime.getRuntime().availableProcessors());
			System.out.println("fast_jpeg.bytes=" + bytes);
			System.out.println(String.format(Locale.ROOT, "fast_jpeg.encode_ms=%.2f", times[rounds / 2]));
		} finally {
			codec.deactivate();
			developer.deactivate();
		}
		System.exit(0);
	}

	/** Binary PPM (P6), 8 bits per sample: what cjpeg reads. */
	private static void writePpm(RgbImage image, Path file) throws IOException {
		try (OutputStream out = Files.newOutputStream(file)) {
			out.write(("P6\n" + image.width() + " " + image.height() + "\n255\n").getBytes(StandardCharsets.US_ASCII));
			out.write(image.rgb(), 0, image.width() * image.height() * 3);
		}
	}

	private static ExifJpegCodec codec() {
		Logger silent = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
				(proxy, method, args) -> method.getReturnType() == boolean.class ? false : null);
		return new ExifJpegCodec(Configurations.of(ExifJpegCodec.Configuration.class, Map.of()), silent);
	}
}
