package camera.deferred.internal.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import camera.api.DeferredJobEvents;

/**
 * Measures how long a HIGH request waits before its development starts when a worker is free: the time from
 * {@code processImage} to the pipeline's first call, with a capture in progress holding every NORMAL job back.
 * The pipeline, codec and library are the unit tests' fakes, so only the engine's own path is timed.
 * Run: {@code java -cp <test classpath> camera.deferred.internal.jobs.HighRequestPickupBenchmark [requests]}.
 */
public final class HighRequestPickupBenchmark {
	private HighRequestPickupBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int requests = args.length > 0 ? Integer.parseInt(args[0]) : 200;
		Path data = Files.createTempDirectory("darkroom-pickup-bench");
		try (EngineFixture fixture = new EngineFixture(data)) {
			fixture.capture.holds = false;
			fixture.start();
			double[] millis = new double[requests];
			for (int i = 0; i < requests; i++) {
				String jobId = fixture.capture();
				int before = fixture.developer.startedAt.size();
				long requested = System.nanoTime();
				fixture.session.processImage(jobId);
				fixture.await(DeferredJobEvents.TOPIC_COMPLETED, jobId);
				millis[i] = (fixture.developer.startedAt.get(before) - requested) / 1e6;
			}
			Arrays.sort(millis);
			System.out.printf("HIGH request pickup over %d requests: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", requests,
					millis[requests / 2], millis[(int) Math.ceil(requests * 0.99) - 1], millis[requests - 1]);
		}
	}
}
