package camera.hal.sim.internal.sensor.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import camera.api.Size;
import camera.hal.sim.internal.sensor.RowBands;
import camera.hal.sim.internal.sensor.SensorModel;
import camera.hal.sim.internal.sensor.Shake;
import camera.hal.sim.internal.sensor.SimulatedSensor;

/**
 * Measures how long the simulated sensor takes to generate one noisy 4000x3000 raw frame on a pool sized to the
 * cores, as in the camera: wall time, and the CPU time the workers spent (which a busy machine does not
 * inflate). Also times the one-off scene mosaic and the reference. From the module directory, after
 * {@code mvn test-compile}: {@code java -cp target/classes:target/test-classes:<camera.api jar>
 * camera.hal.sim.internal.sensor.bench.FrameGenerationBenchmark}.
 */
public final class FrameGenerationBenchmark {
	private static final int WARM_UP = 10;
	private static final int MEASURED = 30;

	private FrameGenerationBenchmark() {
	}

	public static void main(String[] args) {
		Size size = new Size(4000, 3000);
		int cores = Runtime.getRuntime().availableProcessors();
		List<Thread> workerThreads = new CopyOnWriteArrayList<>();
		ExecutorService workers = Executors.newFixedThreadPool(cores, runnable -> {
			Thread thread = new Thread(runnable);
			thread.setDaemon(true);
			workerThreads.add(thread);
			return thread;
		});
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		try {
			SimulatedSensor sensor = new SimulatedSensor(new SensorModel(256, 800, 1, 1, true), 1, 2,
					new RowBands(workers));
			long sceneStart = System.nanoTime();
			sensor.frame(size, Shake.NONE, 0);
			double sceneMillis = (System.nanoTime() - sceneStart) / 1e6;
			for (int i = 0; i < WARM_UP; i++) {
				sensor.frame(size, new Shake(2, -2), i);
			}
			double[] millis = new double[MEASURED];
			long cpuBefore = cpuNanos(threads, workerThreads);
			for (int i = 0; i < MEASURED; i++) {
				long start = System.nanoTime();
				sensor.frame(size, new Shake(i % 2 * 2, 0), 100 + i);
				millis[i] = (System.nanoTime() - start) / 1e6;
			}
			double cpuMillisPerFrame = (cpuNanos(threads, workerThreads) - cpuBefore) / 1e6 / MEASURED;
			Arrays.sort(millis);
			long referenceStart = System.nanoTime();
			sensor.reference(size);
			double referenceMillis = (System.nanoTime() - referenceStart) / 1e6;
			System.out.printf("cores %d, load average %.1f%n", cores,
					ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
			System.out.printf("first frame incl. scene mosaic: %.1f ms%n", sceneMillis);
			System.out.printf("noisy 12 MP raw frame: wall median %.1f ms, min %.1f ms, max %.1f ms (%d runs); "
					+ "worker CPU %.1f ms per frame%n", millis[MEASURED / 2], millis[0], millis[MEASURED - 1], MEASURED,
					cpuMillisPerFrame);
			System.out.printf("noise-free 12 MP RGB48 reference: %.1f ms%n", referenceMillis);
		} finally {
			workers.shutdownNow();
		}
	}

	private static long cpuNanos(ThreadMXBean threads, List<Thread> workerThreads) {
		return workerThreads.stream().mapToLong(thread -> threads.getThreadCpuTime(thread.threadId())).sum();
	}
}
