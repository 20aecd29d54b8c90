package camera.web.internal.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

class JobHistoryTest {
	final JobHistory history = new JobHistory(Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC));

	static Event job(String state, String id) {
		return new Event("camera/deferred/job/" + state, Map.of("job.id", id));
	}

	@Test
	void recordsEachTransitionOfAJobInOrder() {
		history.handleEvent(job("PENDING", "a"));
		history.handleEvent(job("RUNNING", "a"));
		history.handleEvent(new Event("camera/deferred/job/FAILED", Map.of("job.id", "a", "error", "IO_ERROR: disk")));
		history.handleEvent(job("COMPLETED", "a"));

		assertThat(history.timeline("a")).extracting(JobHistory.Step::state)
			.containsExactly("PENDING", "RUNNING", "FAILED", "COMPLETED");
		assertThat(history.timeline("a").get(2).error()).isEqualTo("IO_ERROR: disk");
	}

	@Test
	void findsTheJobOfAnAssetEvenThoughItsFirstEventsCameBeforeTheAssetExisted() {
		history.handleEvent(job("PENDING", "b"));
		history.handleEvent(new Event("camera/deferred/job/RUNNING",
				Map.of("job.id", "b", "asset.uri", "file://media/Photo/4/IMG_4.jpg")));
		history.handleEvent(new Event("camera/deferred/job/COMPLETED",
				Map.of("job.id", "b", "asset.uri", "file://media/Photo/4/IMG_4.jpg")));

		assertThat(history.timelineOfAsset("file://media/Photo/4/IMG_4.jpg")).extracting(JobHistory.Step::state)
			.containsExactly("PENDING", "RUNNING", "COMPLETED");
	}

	@Test
	void aJobItNeverSawHasAnEmptyTimeline() {
		assertThat(history.timeline("unknown")).isEmpty();
	}

	@Test
	void keepsOnlyTheMostRecentJobs() {
		for (int i = 0; i <= JobHistory.CAPACITY; i++) {
			history.handleEvent(job("PENDING", "job-" + i));
		}

		assertThat(history.timeline("job-0")).isEmpty();
		assertThat(history.timeline("job-" + JobHistory.CAPACITY)).hasSize(1);
	}
}
