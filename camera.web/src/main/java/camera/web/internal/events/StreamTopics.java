package camera.web.internal.events;

import java.util.Map;

import camera.api.DeferredJobEvents;
import media.library.MediaLibraryEvents;

/**
 * The EventAdmin topics the gallery streams, and the event name each gets in the stream: the library's and the
 * deferred jobs' exported constants.
 */
final class StreamTopics {
	static final String JOB_TOPICS = DeferredJobEvents.TOPIC_PREFIX + "*";
	static final String JOB_PREFIX = DeferredJobEvents.TOPIC_PREFIX;
	static final String JOB_ID = DeferredJobEvents.JOB_ID;
	static final String JOB_ASSET_URI = DeferredJobEvents.ASSET_URI;
	static final String JOB_ERROR = DeferredJobEvents.ERROR;

	/** Stream event names of the library's topics. */
	static final Map<String, String> LIBRARY = Map.of(MediaLibraryEvents.TOPIC_SAVED, "saved",
			MediaLibraryEvents.TOPIC_QUALITY_CHANGED, "quality", MediaLibraryEvents.TOPIC_DELETED, "deleted");

	private StreamTopics() {
	}
}
