package camera.deferred.internal.jobs;

import java.io.IOException;
import java.lang.management.ManagementFactory;
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
import camera.deferred.internal.testing.TestSupport;

/**
 * Times making a 4-frame 12 MP burst of 12-bit samples durable, as the capture path waits for it before
 * photoAssetAvailable, three ways in turn so the disk's state favours none: the first spool's way (each frame's
 * 16-bit samples written and synced one after another), the spool writing packed frames in parts through the page
 * cache, and the same with direct I/O (skipped where the file system has none). Each syncs every file, the job
 * directory and the spool directory after the rename. Reports the wall time and the CPU time of the whole process
 * per burst, since on the capture path the CPU is shared with the camera and phase 1. Not a test: nothing is
 * asserted. Arguments: {@code <directory> [rounds [width height]]}, default 15 rounds of 4000x3000. The directory
 * should be on the disk the data directory lives on; the benchmark removes what it writes.
 */
public final class SpoolWriteBenchmark {
	private static final int FRAMES = 4;

	private SpoolWriteBenchmark() {
	}

	/** One way of writing a burst durably. */
	@FunctionalInterface
	private interface BurstWrite {
		void write(String jobId, CapturedBurst burst) throws IOException;
	}

	private record Way(String name, BurstWrite write, double[] wallMillis, double[] cpuMillis) {
		Way(String name, BurstWrite write, int rounds) {
			this(name, write, new double[rounds], new double[rounds]);
		}
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
		Path spoolDirectory = Files.createDirectories(root.resolve("spool"));
		DirectIo direct = DirectIo.probe(spoolDirectory);
		var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		try (Spool buffered = new Spool(spoolDirectory, DirectIo.OFF, SpoolSync.FSYNC, TestSupport.logger());
				Spool directSpool = new Spool(spoolDirectory, direct, SpoolSync.FSYNC, TestSupport.logger())) {
			List<Way> ways = new ArrayList<>(List.of(
					new Way("sequential 16-bit write+fsync", (id, b) -> writeSequentially(sequentialDirectory, id, b),
							rounds),
					new Way("spool, packed in parts, page cache",
							(id, b) -> WholeBursts.write(buffered, id, b, Instant.now()), rounds)));
			if (direct.enabled()) {
				ways.add(new Way("spool, packed in parts, " + direct,
						(id, b) -> WholeBursts.write(directSpool, id, b, Instant.now()), rounds));
			}
			// One untimed round each warms the JIT and the file system.
			for (Way way : ways) {
				way.write().write(UUID.randomUUID().toString(), burst);
			}
			clear(root);
			for (int round = 0; round < rounds; round++) {
				for (Way way : ways) {
					long cpu = os.getProcessCpuTime();
					long start = System.nanoTime();
					way.write().write(UUID.randomUUID().toString(), burst);
					way.wallMillis()[round] = (System.nanoTime() - start) / 1e6;
					way.cpuMillis()[round] = (os.getProcessCpuTime() - cpu) / 1e6;
					clear(root);
				}
			}
			double mebibytes = FRAMES * (long) width * height * 2 / (1024.0 * 1024.0);
			System.out.printf("burst: %d frames of %dx%d RAW_BAYER16, 12-bit samples, %.1f MiB; %d rounds%n", FRAMES,
					width, height, mebibytes, rounds);
			for (Way way : ways) {
				System.out.printf("%-48s wall median %6.1f ms (min %6.1f, max %6.1f), CPU median %5.1f ms%n",
						way.name() + ":", median(way.wallMillis()), min(way.wallMillis()), max(way.wallMillis()),
						median(way.cpuMillis()));
			}
			Way first = ways.get(0);
			Way last = ways.get(ways.size() - 1);
			System.out.printf("ratio wall %s / %s: %.2f; CPU: %.2f%n", last.name(), first.name(),
					median(last.wallMillis()) / median(first.wallMillis()),
					median(last.cpuMillis()) / median(first.cpuMillis()));
			if (direct.enabled()) {
				Way cached = ways.get(1);
				System.out.printf("ratio CPU direct I/O / page cache: %.2f%n",
						median(last.cpuMillis()) / median(cached.cpuMillis()));
			}
		} finally {
			deleteTree(root);
		}
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
