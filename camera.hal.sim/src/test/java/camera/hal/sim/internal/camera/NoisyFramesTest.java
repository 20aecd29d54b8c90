package camera.hal.sim.internal.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import camera.api.Size;
import camera.hal.sim.internal.sensor.RowBands;
import camera.hal.sim.internal.sensor.SensorModel;
import camera.hal.sim.internal.sensor.SimulatedSensor;

class NoisyFramesTest {
	private static final Size SIZE = new Size(64, 48);
	private static final ExecutorService WORKERS = Executors.newFixedThreadPool(2);
	private static final SimulatedSensor SENSOR = new SimulatedSensor(new SensorModel(256, 800, 1, 1, true), 1, 2,
			new RowBands(WORKERS));

	/** Runs what the pool hands to the background only when the test says so. */
	private final Queue<Runnable> background = new ArrayDeque<>();
	private final Executor manual = background::add;

	@AfterAll
	static void stopWorkers() {
		WORKERS.shutdownNow();
	}

	private void runBackground() {
		for (Runnable task; (task = background.poll()) != null;) {
			task.run();
		}
	}

	private NoisyFrames pool(int bursts) {
		return new NoisyFrames(SENSOR, 2, 4, bursts, manual, 1);
	}

	/** What the capture path renders by itself for that seed and frame. */
	private static ByteBuffer renderedNow(long captureSeed, int index) {
		return new NoisyFrames(SENSOR, 2, 4, 0, Runnable::run, 1).take(SIZE, captureSeed, index);
	}

	@Nested
	class AheadOfTheCapture {
		@Test
		void aPreparedFrameIsHandedOverWithoutRenderingOnTheCapturePath() {
			NoisyFrames pool = pool(1);
			pool.prepare(SIZE);

			ByteBuffer frame = pool.take(SIZE, 42, 0);

			assertThat(frame).isNotEqualTo(renderedNow(42, 0));
			assertThat(background).as("its replacement is rendered in the background").hasSize(1);
		}

		@Test
		void aTakenFrameIsRenderedAnewWithFreshNoise() {
			NoisyFrames pool = pool(1);
			pool.prepare(SIZE);
			ByteBuffer first = pool.take(SIZE, 42, 0);
			runBackground();

			ByteBuffer second = pool.take(SIZE, 42, 0);

			assertThat(second).isNotEqualTo(first);
			assertThat(second).isNotEqualTo(renderedNow(42, 0));
		}

		@Test
		void theFramesOfABurstFromThePoolDifferInTheirNoise() {
			NoisyFrames pool = pool(1);
			pool.prepare(SIZE);

			ByteBuffer first = pool.take(SIZE, 42, 0);
			ByteBuffer second = pool.take(SIZE, 42, 1);

			assertThat(second).isNotEqualTo(first);
		}

		@Test
		void aPoolThatRanDryRendersOnTheCapturePathFromTheCaptureSeed() {
			NoisyFrames pool = pool(1);
			pool.prepare(SIZE);
			pool.take(SIZE, 41, 0);

			ByteBuffer frame = pool.take(SIZE, 42, 0);

			assertThat(frame).isEqualTo(renderedNow(42, 0));
		}

		@Test
		void framesBeyondTheBurstSizeAreRenderedOnTheCapturePath() {
			NoisyFrames pool = pool(1);
			pool.prepare(SIZE);

			assertThat(pool.take(SIZE, 42, 4)).isEqualTo(renderedNow(42, 4));
			assertThat(background).isEmpty();
		}
	}

	@Nested
	class WithoutAPool {
		@Test
		void everyFrameIsRenderedFromTheCaptureSeed() {
			NoisyFrames pool = pool(0);
			pool.prepare(SIZE);

			assertThat(pool.take(SIZE, 42, 0)).isEqualTo(renderedNow(42, 0));
			assertThat(background).isEmpty();
		}
	}
}
