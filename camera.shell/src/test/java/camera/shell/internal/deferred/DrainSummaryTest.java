package camera.shell.internal.deferred;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import camera.api.DeferredStats;
import camera.api.JobPriority;

import org.junit.jupiter.api.Test;

class DrainSummaryTest {

	private static DeferredStats stats(int pending, int running, long completed, long failed) {
		return new DeferredStats(Map.of(JobPriority.NORMAL, pending), running, completed, failed, 0, 0, 0, 0,
				"ImageIO", false, Map.of("cpu", true), 0, 0);
	}

	@Test
	void countsTheJobsCompletedDuringTheDrain() {
		assertThat(DrainSummary.line(true, Duration.ofSeconds(60), Duration.ofMillis(2500), stats(3, 1, 10, 0),
				stats(0, 0, 14, 0))).isEqualTo("drained in 2.5 s: 4 jobs completed, 0 failed");
	}

	@Test
	void saysWhatIsLeftWhenTheTimeoutPassed() {
		assertThat(DrainSummary.line(false, Duration.ofSeconds(5), Duration.ofSeconds(5), stats(3, 1, 10, 0),
				stats(2, 1, 11, 0)))
			.isEqualTo("not drained within 5 s: 1 job completed, 0 failed; still 2 pending and 1 running, "
					+ "processing goes on");
	}

	@Test
	void showsPendingRunningAndCompletedInTheProgressLine() {
		assertThat(DrainSummary.progress(new DeferredStats(Map.of(JobPriority.HIGH, 1, JobPriority.LOW, 2), 1, 7, 0,
				0, 0, 0, 0, "ImageIO", false, Map.of(), 0, 0)))
			.isEqualTo("draining: 3 pending, 1 running, 7 completed");
	}
}
