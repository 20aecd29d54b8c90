package camera.deferred.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Stream;

import camera.api.CameraPosition;
import camera.api.CameraType;
import camera.api.ConnectionType;
import camera.api.PhotoCaptureSetting;
import camera.api.hal.BayerPattern;
import camera.api.hal.FrameMetadata;
import camera.api.hal.HalCameraInfo;
import camera.api.hal.PixelFormat;
import camera.api.hal.RawFrame;
import camera.deferred.internal.jobs.CapturedBurst;
import camera.deferred.internal.jobs.Spool;

/**
 * Times making a 4-frame 12 MP burst of 12-bit samples durable, as the capture path waits for it before
 * photoAssetAvailable: the former way (each frame's 16-bit samples written and synced in turn) against the spool's
 * (frames packed to 12 bits, written and synced at once). Both sync every file, the job directory, and the spool
 * directory after the rename; rounds alternate so the disk's state favours neither. Not a test: nothing is asserted.
 * Arguments: {@code <directory> [rounds [width height]]}, default 15 rounds of 4000x3000. The directory should be on
 * the disk the data directory lives on; the benchmark removes what it writes.
 */
public final class SpoolWriteBenchmark {
	private static final int FRAMES = 4;

	private SpoolWriteBenchmark() {
	}

	public static void main(String[] arguments) throws IOException {
		if (arguments.length < 1) {
			System.err.println("usage: SpoolWriteBenchmark <directory> [rounds [width height]]");
			System.exit(2);
		}
		Path root = Files.createDirectories(Path.of(arguments[0])).resolve("spool-write-bench-" + UUID.randomUUID());
		int rounds = arguments.length > 1 ? Integer.parseInt(arguments[1]) : 15;
		int width = arguments.length > 3 ? Integer.parseInt(arguments[2]) : 4000;
		int height = arguments.length > 3 ? Integer.parseInt(arguments[3]) : 3000;
		CapturedBurst burst = burst(width, height);
		Path sequentialDirectory = Files.createDirectories(root.resolve("sequential"));
		double[] sequential = new double[rounds];
		double[] spooled = new double[rounds];
		try (Spool spool = new Spool(root.resolve("spool"))) {
			// One untimed round each warms the JIT and the file system.
			writeSequentially(sequentialDirectory, UUID.randomUUID().toString(), burst);
			spool.write(UUID.randomUUID().toString(), burst, Instant.now());
			clear(root);
			for (int round = 0; round < rounds; round++) {
				long start = System.nanoTime();
				writeSequentially(sequentialDirectory, UUID.randomUUID().toString(), burst);
				sequential[round] = (System.nanoTime() - start) / 1e6;
				start = System.nanoTime();
				spool.write(UUID.randomUUID().toString(), burst, Instant.now());
				spooled[round] = (System.nanoTime() - start) / 1e6;
				clear(root);
			}
		} finally {
			deleteTree(root);
		}
		double mebibytes = FRAMES * (long) width * height * 2 / (1024.0 * 1024.0);
		System.out.printf("burst: %d frames of %dx%d RAW_BAYER16, 12-bit samples, %.1f MiB; %d rounds%n", FRAMES, width,
				height, mebibytes, rounds);
		System.out.printf("sequential 16-bit write+fsync: median %.1f ms (min %.1f, max %.1f)%n", median(sequential),
				min(sequential), max(sequential));
		System.out.printf("spool packed parallel write+fsync: median %.1f ms (min %.1f, max %.1f)%n", median(spooled),
				min(spooled), max(spooled));
		System.out.printf("ratio sequential/spool: %.2f%n", median(sequential) / median(spooled));
	}

	/** The spool's former write path: every frame byte for byte, written and synced one after another. */
	private static void writeSequentially(Path directory, String jobId, CapturedBurst burst) throws IOException {
		Path partial = Files.createDirectory(directory.resolve(jobId + ".partial"));
		for (int i = 0; i < burst.frames().size(); i++) {
			writeSynced(partial.resolve("frame-" + i + ".raw"), burst.frames().get(i).data().duplicate().position(0));
		}
		writeSynced(partial.resolve("burst.properties"),
				ByteBuffer.wrap(("frames=" + burst.frames().size() + "\n").getBytes(StandardCharsets.UTF_8)));
		syncDirectory(partial);
		Files.move(partial, directory.resolve(jobId), StandardCopyOption.ATOMIC_MOVE);
		syncDirectory(directory);
	}

	private static void writeSynced(Path file, ByteBuffer data) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
			while (data.hasRemaining()) {
				channel.write(data);
			}
			channel.force(true);
		}
	}

	private static void syncDirectory(Path directory) throws IOException {
		try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
			channel.force(true);
		}
	}

	/** Four frames of noisy 12-bit samples, as the simulated sensor delivers them. */
	private static CapturedBurst burst(int width, int height) {
		SplittableRandom random = new SplittableRandom(42);
		List<RawFrame> frames = new ArrayList<>();
		for (int i = 0; i < FRAMES; i++) {
			ByteBuffer samples = ByteBuffer.allocate(width * height * 2).order(ByteOrder.LITTLE_ENDIAN);
			for (int index = 0; index < width * height; index++) {
				samples.putShort(index * 2, (short) random.nextInt(4096));
			}
			frames.add(new RawFrame(PixelFormat.RAW_BAYER16, width, height, width * 2, samples,
					new FrameMetadata(i, 10_000_000, 100, 64, 4095, BayerPattern.RGGB)));
		}
		HalCameraInfo camera = new HalCameraInfo("bench", "Benchmark camera", "bench", CameraPosition.BACK,
				CameraType.DEFAULT, ConnectionType.BUILT_IN, "Darkroom", "Benchmark");
		return new CapturedBurst(frames, camera, PhotoCaptureSetting.defaults(), Instant.now());
	}

	/** Removes the jobs of a round, keeping the directories. */
	private static void clear(Path root) throws IOException {
		for (Path parent : List.of(root.resolve("sequential"), root.resolve("spool"))) {
			try (Stream<Path> jobs = Files.list(parent)) {
				for (Path job : (Iterable<Path>) jobs::iterator) {
					deleteTree(job);
				}
			}
		}
	}

	private static void deleteTree(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> files = Files.walk(directory)) {
			for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
				Files.delete(file);
			}
		}
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	private static double min(double[] values) {
		return Arrays.stream(values).min().orElse(Double.NaN);
	}

	private static double max(double[] values) {
		return Arrays.stream(values).max().orElse(Double.NaN);
	}
}
