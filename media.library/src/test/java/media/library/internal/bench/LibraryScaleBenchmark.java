package media.library.internal.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import media.library.AssetQuery;
import media.library.DeliveryMode;
import media.library.MediaAssetChangeRequest;
import media.library.MediaAssetDataHandler;
import media.library.PhotoAsset;
import media.library.RequestOptions;
import media.library.ResourceType;
import media.library.internal.PhotoLibrary;
import media.library.internal.SilentLogger;
import media.library.internal.TestImages;
import media.library.internal.assets.LibrarySettings;

/**
 * How the media library's cost grows with its size: the same operations timed on a small and on a large library
 * in one run, so that the growth reads as a ratio. Not a test: {@code bench/benchmarks.sh} runs it.
 * <p>
 * Each library is filled through the public API (createAsset, then applyChanges adding a 32x24 JPEG), from several
 * threads at once because every change is made durable on its own (there is no batch API), then closed and opened
 * again, so that the measured operations run on a library as a restart finds it. Timed: opening it (migration and
 * file recovery), listing a page of the gallery's size, newest first (the first page and the last), and
 * requestImage in FAST mode (decoded picture, call to handler) on assets drawn at random.
 * <p>
 * Arguments: {@code <folder> [small] [large] [threads] [staging folder]}, defaults 1000, 100000, 8 and none.
 * Prints {@code key=value} lines, {@code library.small.*} and {@code library.large.*}. The folder must be on a
 * local file system. With a staging folder (a tmpfs such as /dev/shm), each library is filled there, where a sync
 * costs nothing, and then copied into the folder, so that 100,000 assets take a minute or two instead of many:
 * the measured operations always run in the folder.
 */
public final class LibraryScaleBenchmark {
	/** What the gallery asks for: a page of 48 and one more to tell whether another page follows. */
	private static final int PAGE = 49;
	private static final int PAGE_ROUNDS = 50;
	private static final int REQUESTS = 300;
	private static final int WARM_UP = 20;
	/** Assets of the library measured first and not reported, so that class loading and the JIT count for neither. */
	private static final int WARM_UP_ASSETS = 200;

	private LibraryScaleBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length < 1) {
			System.err.println("usage: LibraryScaleBenchmark <folder> [small] [large] [threads]");
			System.exit(2);
		}
		Path folder = Path.of(args[0]);
		int small = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
		int large = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
		int threads = args.length > 3 ? Integer.parseInt(args[3]) : 8;
		Path staging = args.length > 4 ? Path.of(args[4]) : null;
		byte[] image = TestImages.jpeg(32, 24, TestImages.FULL_LEVEL);
		print("library.image_bytes", image.length);
		print("library.fill_threads", threads);
		print("library.filled_in", staging == null ? "place" : "staging");
		measure("warm_up", folder.resolve("warm-up"), staging, WARM_UP_ASSETS, threads, image);
		measure("small", folder.resolve("small"), staging, small, threads, image);
		measure("large", folder.resolve("large"), staging, large, threads, image);
		System.exit(0);
	}

	private static void measure(String label, Path data, Path staging, int count, int threads, byte[] image)
			throws Exception {
		Path fillIn = staging == null ? data : staging.resolve(label);
		Files.createDirectories(fillIn);
		long fillStart = System.nanoTime();
		long[] ids;
		PhotoLibrary filled = open(fillIn);
		try {
			ids = fill(filled, count, threads, image);
		} finally {
			filled.close();
		}
		if (staging != null) {
			move(fillIn, data);
		}
		double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
		long openStart = System.nanoTime();
		PhotoLibrary library = open(data);
		try {
			double openMillis = (System.nanoTime() - openStart) / 1e6;
			List<PhotoAsset> firstPage = library.getAssets(AssetQuery.all().page(0, PAGE));
			List<PhotoAsset> lastPage = library.getAssets(AssetQuery.all().page(Math.max(0, count - PAGE + 1), PAGE));
			if (firstPage.isEmpty() || lastPage.isEmpty()) {
				throw new IllegalStateException("the library of " + count + " assets lists no page");
			}
			print("library." + label + ".assets", count);
			print("library." + label + ".fill_s", fillSeconds);
			print("library." + label + ".open_ms", openMillis);
			print("library." + label + ".first_page_ms", median(PAGE_ROUNDS,
					() -> library.getAssets(AssetQuery.all().page(0, PAGE))));
			print("library." + label + ".last_page_ms", median(PAGE_ROUNDS,
					() -> library.getAssets(AssetQuery.all().page(Math.max(0, count - PAGE + 1), PAGE))));
			double[] requests = requestTimes(library, ids);
			print("library." + label + ".request_image_fast_ms", requests[requests.length / 2]);
			print("library." + label + ".request_image_fast_p90_ms", requests[(int) (requests.length * 0.9)]);
		} finally {
			library.close();
		}
	}

	/** Copies a closed library's folder tree and removes the original. */
	private static void move(Path from, Path to) throws IOException {
		List<Path> tree;
		try (Stream<Path> walk = Files.walk(from)) {
			tree = walk.toList();
		}
		for (Path source : tree) {
			Path target = to.resolve(from.relativize(source).toString());
			if (Files.isDirectory(source)) {
				Files.createDirectories(target);
			} else {
				Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
			}
		}
		for (Path source : tree.reversed()) {
			Files.delete(source);
		}
	}

	private static PhotoLibrary open(Path data) {
		return new PhotoLibrary(data, LibrarySettings.defaults(), new SilentLogger().logger(), Clock.systemUTC());
	}

	/** @return the ids of the assets made */
	private static long[] fill(PhotoLibrary library, int count, int threads, byte[] image) throws Exception {
		long[] ids = new long[count];
		AtomicInteger next = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> workers = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				workers.add(pool.submit(() -> {
					for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
						PhotoAsset asset = library.createAsset("scale-" + i + ".jpg");
						ids[i] = library.applyChanges(
								new MediaAssetChangeRequest(asset).addResource(ResourceType.IMAGE_RESOURCE, image)).id();
					}
					return null;
				}));
			}
			for (Future<?> worker : workers) {
				worker.get();
			}
		} finally {
			pool.shutdown();
			pool.awaitTermination(1, TimeUnit.MINUTES);
		}
		return ids;
	}

	/** requestImage FAST on assets drawn at random (the same draw for every size), sorted milliseconds. */
	private static double[] requestTimes(PhotoLibrary library, long[] ids) throws Exception {
		Random random = new Random(16);
		double[] times = new double[REQUESTS];
		for (int i = -WARM_UP; i < REQUESTS; i++) {
			PhotoAsset asset = library.getAssetById(ids[random.nextInt(ids.length)]).orElseThrow(
					() -> new IllegalStateException("an asset of the filled library is missing"));
			CompletableFuture<BufferedImage> delivered = new CompletableFuture<>();
			long start = System.nanoTime();
			library.requestImage(asset, new RequestOptions(DeliveryMode.FAST_MODE),
					(MediaAssetDataHandler<BufferedImage>) (picture, quality) -> delivered.complete(picture));
			if (delivered.get(30, TimeUnit.SECONDS) == null) {
				throw new IllegalStateException("requestImage delivered no picture for " + asset.uri());
			}
			if (i >= 0) {
				times[i] = (System.nanoTime() - start) / 1e6;
			}
		}
		Arrays.sort(times);
		return times;
	}

	private static double median(int rounds, Supplier<?> work) {
		for (int i = 0; i < WARM_UP; i++) {
			work.get();
		}
		double[] times = new double[rounds];
		for (int i = 0; i < rounds; i++) {
			long start = System.nanoTime();
			work.get();
			times[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(times);
		return times[rounds / 2];
	}

	private static void print(String key, Object value) {
		System.out.println(key + "=" + (value instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : value));
	}
}
