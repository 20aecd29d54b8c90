package camera.web.internal.events;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventHandler;
import org.osgi.service.event.propertytypes.EventTopics;

/**
 * The timeline of each deferred job as the engine's events told it since this bundle started: every state with
 * when it was reached. It keeps the most recent {@link #CAPACITY} jobs, so that a long-running platform holds a
 * bounded amount; a job it never saw has an empty timeline. Thread-safe: one lock, held only to copy.
 */
@Component(service = { JobHistory.class, EventHandler.class })
@EventTopics(StreamTopics.JOB_TOPICS)
public final class JobHistory implements EventHandler {
	static final int CAPACITY = 5_000;

	/** One step of a job's timeline. */
	public record Step(String state, Instant at, String error) {
	}

	private final Clock clock;
	private final Map<String, List<Step>> timelines = bounded();
	/** The job of each asset: the first events of a job come before its asset exists. */
	private final Map<String, String> jobOfAsset = bounded();

	public JobHistory() {
		this(Clock.systemUTC());
	}

	JobHistory(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void handleEvent(Event event) {
		String topic = event.getTopic();
		Object jobId = event.getProperty(StreamTopics.JOB_ID);
		if (jobId == null || !topic.startsWith(StreamTopics.JOB_PREFIX)) {
			return;
		}
		Object error = event.getProperty(StreamTopics.JOB_ERROR);
		Step step = new Step(topic.substring(StreamTopics.JOB_PREFIX.length()), clock.instant(),
				error == null ? null : error.toString());
		Object assetUri = event.getProperty(StreamTopics.JOB_ASSET_URI);
		synchronized (timelines) {
			timelines.computeIfAbsent(jobId.toString(), id -> new ArrayList<>()).add(step);
			if (assetUri != null) {
				jobOfAsset.put(assetUri.toString(), jobId.toString());
			}
		}
	}

	/** @return the steps of the job of an asset, also after it completed; empty when this bundle saw none */
	public List<Step> timelineOfAsset(String assetUri) {
		synchronized (timelines) {
			String jobId = jobOfAsset.get(assetUri);
			return jobId == null ? List.of() : timeline(jobId);
		}
	}

	private static <V> Map<String, V> bounded() {
		return new LinkedHashMap<>(16, 0.75f, false) {
			private static final long serialVersionUID = 1L;

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
				return size() > CAPACITY;
			}
		};
	}

	/** @return the steps of a job in the order they happened; empty for a job this bundle never saw */
	public List<Step> timeline(String jobId) {
		synchronized (timelines) {
			List<Step> steps = timelines.get(jobId);
			return steps == null ? List.of() : List.copyOf(steps);
		}
	}
}
