package camera.develop.bench;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
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
 * Times the development pipeline and the JPEG encoders outside OSGi (not a test: nothing is asserted).
 * Arguments: {@code [width height [rounds]]}, default 4000 3000 5. Prints medians as {@code key=value} lines, and
 * the process CPU time per development, which a busy machine does not inflate the way it inflates wall time:
 * divided by the cores it estimates the wall time on an idle machine.
 * Run with {@code --enable-native-access=ALL-UNNAMED} on the test classpath.
 */
public final class PipelineBenchmark {
	private PipelineBenchmark() {
	}

	public static void main(String[] arguments) {
		int width = arguments.length > 1 ? Integer.parseInt(arguments[0]) : 4000;
		int height = arguments.length > 1 ? Integer.parseInt(arguments[1]) : 3000;
		int rounds = arguments.length > 2 ? Integer.parseInt(arguments[2]) : 5;
		double megapixels = width * (double) height / 1e6;
		SyntheticBurst.Shot shot = new SyntheticBurst(width, height, BayerPattern.RGGB, 16, 24)
				.capture(42, new int[] {0, 0}, new int[] {3, -2}, new int[] {-4, 1}, new int[] {1, 5});
		TiledPhotoDeveloper developer = Configurations.developer(Map.of());
		ExifJpegCodec turbo = codec(false);
		ExifJpegCodec imageIo = codec(true);
		ExifData exif = new ExifData(Instant.now(), 1, "Darkroom", "Benchmark", 10_000_000, 3200, null);
		try {
			double fastMs = median(rounds, () -> developer.developFast(shot.frames().get(0)));
			double fullMs = median(rounds, () -> developer.developFull(shot.frames()));
			double fastCpuMs = cpuMillis(rounds, () -> developer.developFast(shot.frames().get(0)));
			double fullCpuMs = cpuMillis(rounds, () -> developer.developFull(shot.frames()));
			RgbImage full = developer.developFull(shot.frames());
			double turboMs = median(rounds, () -> turbo.encode(full, 92, exif));
			double imageIoMs = median(Math.min(rounds, 3), () -> imageIo.encode(full, 92, exif));
			// Phase 2's own encoding: standard tables beside the compact (progressive, optimised) form, at q95.
			double standardMs = median(rounds, () -> turbo.encode(full, 95, exif));
			double compactMs = median(rounds, () -> turbo.encodeCompact(full, 95, exif));
			int standardBytes = turbo.encode(full, 95, exif).length;
			int compactBytes = turbo.encodeCompact(full, 95, exif).length;
			ByteBuffer frame = shot.frames().get(0).data();
			byte[] copy = new byte[frame.limit()];
			double copyMs = median(rounds, () -> frame.get(0, copy));
			RgbImage reference = developer.renderReference(shot.reference());
			print("bench.size", width + "x" + height);
			print("bench.jpeg.active", turbo.name());
			print("bench.develop_fast.ms", fastMs);
			print("bench.develop_full.ms_4_frames", fullMs);
			print("bench.develop_full.mp_per_s", megapixels / (fullMs / 1000));
			print("bench.cores", Runtime.getRuntime().availableProcessors());
			print("bench.develop_fast.cpu_ms", fastCpuMs);
			print("bench.develop_full.cpu_ms_4_frames", fullCpuMs);
			print("bench.phase2_with_jpeg.mp_per_s", megapixels / ((fullMs + turboMs) / 1000));
			print("bench.jpeg.turbo_mp_per_s", megapixels / (turboMs / 1000));
			print("bench.jpeg.imageio_mp_per_s", megapixels / (imageIoMs / 1000));
			print("bench.copy.ms_per_frame", copyMs);
			print("bench.jpeg.q95_standard.ms", standardMs);
			print("bench.jpeg.q95_standard.bytes", standardBytes);
			print("bench.jpeg.q95_compact.ms", compactMs);
			print("bench.jpeg.q95_compact.bytes", compactBytes);
			print("bench.jpeg.q95_compact.size_ratio", compactBytes / (double) standardBytes);
			RgbImage fast = developer.developFast(shot.frames().get(0)).resizedTo(width, height);
			print("bench.psnr.fast_db", fast.psnr(reference));
			print("bench.psnr.full_db", full.psnr(reference));
		} finally {
			turbo.deactivate();
			imageIo.deactivate();
			developer.deactivate();
		}
		System.exit(0);
	}

	private static ExifJpegCodec codec(boolean forceImageIo) {
		Logger silent = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
				(proxy, method, args) -> method.getReturnType() == boolean.class ? false : null);
		return new ExifJpegCodec(Configurations.of(ExifJpegCodec.Configuration.class,
				Map.of("forceImageIO", forceImageIo)), silent);
	}

	/** Median milliseconds of {@code rounds} runs after two warm-up runs. */
	private static double median(int rounds, Runnable work) {
		work.run();
		work.run();
		double[] times = new double[rounds];
		for (int i = 0; i < rounds; i++) {
			long start = System.nanoTime();
			work.run();
			times[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(times);
		return times[rounds / 2];
	}

	/** Process CPU milliseconds per run, averaged over {@code rounds} runs after one warm-up run. */
	private static double cpuMillis(int rounds, Runnable work) {
		var system = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		work.run();
		long start = system.getProcessCpuTime();
		for (int i = 0; i < rounds; i++) {
			work.run();
		}
		return (system.getProcessCpuTime() - start) / 1e6 / rounds;
	}

	private static void print(String key, Object value) {
		System.out.println(key + "=" + (value instanceof Double d ? String.format("%.2f", d) : value));
	}

}
