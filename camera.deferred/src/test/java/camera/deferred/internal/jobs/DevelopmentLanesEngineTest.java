package camera.deferred.internal.jobs;

import static camera.api.DeferredJobEvents.TOPIC_COMPLETED;
import static camera.api.DeferredJobEvents.TOPIC_PENDING;
import static camera.api.DeferredJobEvents.TOPIC_RUNNING;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import camera.api.DeveloperStats;
import camera.api.hal.RawFrame;
import camera.deferred.internal.development.DevelopedJpeg;
import camera.deferred.internal.development.DevelopmentLane;
import camera.deferred.internal.development.LaneUnavailableException;
import camera.develop.ExifData;

/** Jobs on the lanes of development nodes, beside this machine's. */
class DevelopmentLanesEngineTest {
	@TempDir
	Path data;

	EngineFixture fixture;

	@BeforeEach
	void createFixture() {
		fixture = new EngineFixture(data);
	}

	@AfterEach
	void stopEngine() {
		fixture.close();
	}

	/** A node's lane that develops like the fake codec, or fails as a node that died does. */
	private final class NodeLane implements DevelopmentLane {
		final AtomicInteger calls = new AtomicInteger();
		volatile int failuresToThrow;

		@Override
		public String name() {
			return "127.0.0.1:7700";
		}

		@Override
		public boolean local() {
			return false;
		}

		@Override
		public int slots() {
			return 2;
		}

		@Override
		public DevelopedJpeg develop(String jobId, List<RawFrame> burst, int quality, ExifData exif,
				BooleanSupplier stop) {
			calls.incrementAndGet();
			if (failuresToThrow > 0) {
				failuresToThrow--;
				// As NodeLink does when its node fails: the lane goes before the job returns.
				fixture.engine.closeLane(this);
				throw new LaneUnavailableException("connection reset", null);
			}
			return new DevelopedJpeg(("NODE JPEG q" + quality).getBytes(), 8, 6);
		}
	}

	private DeveloperStats developer(String name) {
		return fixture.engine.stats().developers().stream().filter(d -> d.name().equals(name)).findFirst()
			.orElseThrow();
	}

	@Nested
	class Dispatch {
		@Test
		void aNodesLaneDevelopsJobsThatThisMachinesPressureHoldsBack() throws InterruptedException {
			fixture.pressure.holds = false;
			fixture.start();
			NodeLane node = new NodeLane();
			fixture.engine.openLane(node);

			String jobId = fixture.capture();
			fixture.await(TOPIC_COMPLETED, jobId);

			assertThat(fixture.library.fullImages.get(jobId)).asString().startsWith("NODE JPEG q95");
			assertThat(fixture.spool().contains(jobId)).isFalse();
			assertThat(developer("127.0.0.1:7700").completed()).isEqualTo(1);
			assertThat(developer("local").completed()).isZero();
		}

		@Test
		void theStatisticsListThisMachineFirstThenEachNode() {
			fixture.start();
			fixture.engine.openLane(new NodeLane());
			assertThat(fixture.engine.stats().developers()).extracting(DeveloperStats::name)
				.containsExactly("local", "127.0.0.1:7700");
		}

		@Test
		void aClosedLaneIsListedAsAwayWithItsCounts() {
			fixture.start();
			NodeLane node = new NodeLane();
			fixture.engine.openLane(node);
			fixture.engine.closeLane(node);
			assertThat(developer("127.0.0.1:7700").available()).isFalse();
		}
	}

	@Nested
	class NodeFailure {
		@Test
		void aJobWhoseNodeFailsGoesBackToTheQueueAndCompletesOnThisMachineOnce() throws InterruptedException {
			fixture.pressure.holds = false;
			fixture.start();
			NodeLane node = new NodeLane();
			node.failuresToThrow = 1;
			fixture.engine.openLane(node);

			String jobId = fixture.capture();
			fixture.await(TOPIC_RUNNING, jobId);
			fixture.await(TOPIC_PENDING, jobId);
			assertThat(fixture.spool().contains(jobId)).isTrue();
			fixture.pressure.holds = true;
			fixture.engine.wake();
			fixture.await(TOPIC_COMPLETED, jobId);

			assertThat(fixture.library.completions).containsExactly(jobId);
			assertThat(fixture.library.fullImages.get(jobId)).asString().startsWith("JPEG 8x6");
			assertThat(node.calls).hasValue(1);
			assertThat(fixture.engine.jobs()).isEmpty();
		}

		@Test
		void aNodeFailureDoesNotCountAsAFailedAttempt() throws InterruptedException {
			fixture.pressure.holds = false;
			fixture.start();
			NodeLane node = new NodeLane();
			node.failuresToThrow = 1;
			fixture.engine.openLane(node);

			String jobId = fixture.capture();
			fixture.await(TOPIC_PENDING, jobId);
			fixture.await(TOPIC_PENDING, jobId);

			assertThat(fixture.engine.jobs()).singleElement()
				.satisfies(job -> assertThat(job.attempts()).isZero());
			assertThat(fixture.engine.stats().failed()).isZero();
		}
	}
}
