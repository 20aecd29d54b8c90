package camera.web.internal.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import camera.api.DeferredJob;
import camera.api.DeferredProcessing;
import camera.api.DeferredStats;
import camera.api.JobPriority;
import camera.api.JobState;

/** A deferred engine with one pending job that can be paused and resumed. */
final class FakeDeferred implements DeferredProcessing {
	volatile boolean paused;

	@Override
	public List<DeferredJob> jobs() {
		return List.of(new DeferredJob("job-1", "file://media/Photo/1/IMG_1.jpg", JobState.PENDING, JobPriority.NORMAL,
				Instant.parse("2026-12-01T10:00:01Z"), 0, null));
	}

	@Override
	public DeferredStats stats() {
		return new DeferredStats(Map.of(JobPriority.NORMAL, 1), 0, 3, 0, 900, 1200, 10, 20, "ImageIO", paused,
				Map.of("cpu-load", false, "thermal", true), 1234, 0);
	}

	@Override
	public void pause() {
		paused = true;
	}

	@Override
	public void resume() {
		paused = false;
	}

	@Override
	public boolean drain(Duration timeout) {
		return true;
	}
}
