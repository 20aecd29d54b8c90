package camera.web.internal.events;

import java.util.Map;

import media.library.MediaLibraryEvents;

/**
 * The EventAdmin topics the gallery streams, and the event name each gets in the stream. The library's topics
 * are its exported constants. The deferred engine does not export its job topics yet, so they are spelled here,
 * in this one place, as the engine posts them ({@code camera/deferred/job/<STATE>}, carrying {@code job.id} and
 * {@code asset.uri}); switch to the engine's constants once they are exported.
 */
final class StreamTopics {
	static final String JOB_TOPICS = "camera/deferred/job/*";
	static final String JOB_PREFIX = "camera/deferred/job/";
	static final String JOB_ID = "job.id";
	static final String JOB_ASSET_URI = "asset.uri";
	static final String JOB_ERROR = "error";

	/** Stream event names of the library's topics. */
	static final Map<String, String> LIBRARY = Map.of(MediaLibraryEvents.TOPIC_SAVED, "saved",
			MediaLibraryEvents.TOPIC_QUALITY_CHANGED, "quality", MediaLibraryEvents.TOPIC_DELETED, "deleted");

	private StreamTopics() {
	}
}
