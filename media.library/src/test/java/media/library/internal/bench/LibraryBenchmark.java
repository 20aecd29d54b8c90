package media.library.internal.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import media.library.DeliveryMode;
import media.library.MediaAssetChangeRequest;
import media.library.MediaAssetDataHandler;
import media.library.MediaQuality;
import media.library.PhotoAsset;
import media.library.RequestOptions;
import media.library.ResourceType;
import media.library.internal.PhotoLibrary;
import media.library.internal.SilentLogger;
import media.library.internal.TestImages;
import media.library.internal.assets.LibrarySettings;

/**
 * Measures the media library on this machine: createAsset + addResource + applyChanges, and requestImageData in
 * FAST mode from the call to the handler. Not a test: run it by hand and copy the lines into BENCHMARKS.md.
 * <p>
 * Arguments: {@code [count] [width] [height] [folder]} (defaults 200, 4000, 3000, a temporary folder that is
 * removed afterwards).
 */
public final class LibraryBenchmark {
	private LibraryBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int count = args.length > 0 ? Integer.parseInt(args[0]) : 200;
		int width = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
		int height = args.length > 2 ? Integer.parseInt(args[2]) : 3000;
		Path folder = args.length > 3 ? Path.of(args[3]) : Files.createTempDirectory("media-library-bench");
		byte[] image = TestImages.jpeg(width, height, TestImages.FULL_LEVEL);
		PhotoLibrary library = new PhotoLibrary(folder, LibrarySettings.defaults(), new SilentLogger().logger(),
				Clock.systemUTC());
		try {
			long[] create = new long[count];
			long[] request = new long[count];
			PhotoAsset[] assets = new PhotoAsset[count];
			for (int i = 0; i < count; i++) {
				long start = System.nanoTime();
				PhotoAsset asset = library.createAsset("bench-" + i + ".jpg");
				assets[i] = library.applyChanges(
						new MediaAssetChangeRequest(asset).addResource(ResourceType.IMAGE_RESOURCE, image));
				create[i] = System.nanoTime() - start;
			}
			for (int i = 0; i < count; i++) {
				CompletableFuture<MediaQuality> delivered = new CompletableFuture<>();
				long start = System.nanoTime();
				library.requestImageData(assets[i], new RequestOptions(DeliveryMode.FAST_MODE),
						(MediaAssetDataHandler<byte[]>) (data, quality) -> delivered.complete(quality));
				delivered.get(30, TimeUnit.SECONDS);
				request[i] = System.nanoTime() - start;
			}
			System.out.printf("media.library benchmark: %d assets, %dx%d JPEG of %d bytes, data in %s%n", count, width,
					height, image.length, folder);
			report("create+addResource+applyChanges", create);
			report("requestImageData FAST (call to handler)", request);
		} finally {
			library.close();
			if (args.length <= 3) {
				deleteTree(folder);
			}
		}
	}

	private static void report(String what, long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		System.out.printf("%-42s median %7.2f ms  p90 %7.2f ms  max %7.2f ms%n", what, millis(sorted[sorted.length / 2]),
				millis(sorted[(int) (sorted.length * 0.9)]), millis(sorted[sorted.length - 1]));
	}

	private static double millis(long nanos) {
		return nanos / 1e6;
	}

	private static void deleteTree(Path root) throws IOException {
		try (Stream<Path> tree = Files.walk(root)) {
			for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}
}
