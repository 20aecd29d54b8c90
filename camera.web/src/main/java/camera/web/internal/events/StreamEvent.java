package camera.web.internal.events;

import java.util.Optional;

import org.osgi.service.event.Event;

import camera.web.internal.json.Json;
import camera.web.internal.links.AssetLinks;
import media.library.AssetUri;
import media.library.MediaLibraryEvents;
import media.library.MediaLibraryException;

/**
 * One event of the stream at {@code /api/events}, as its data line carries it.
 *
 * @param type     {@code saved}, {@code quality}, {@code deleted} (library) or {@code job} (deferred engine)
 * @param assetId  the asset's id, when the event names one
 * @param uri      the asset's URI, when known
 * @param href     the asset's API address, when known
 * @param quality  the new quality of a {@code quality} event
 * @param jobId    the job of a {@code job} event
 * @param state    the job's new state: PENDING, RUNNING, COMPLETED, FAILED, ERROR or CANCELLED
 * @param error    why a job FAILED or is in ERROR
 */
record StreamEvent(String type, Long assetId, String uri, String href, String quality, String jobId, String state,
		String error) {

	/** @return the stream event of an EventAdmin event, if the stream carries its topic */
	static Optional<StreamEvent> of(Event event) {
		String topic = event.getTopic();
		String library = StreamTopics.LIBRARY.get(topic);
		if (library != null) {
			Long id = event.getProperty(MediaLibraryEvents.ASSET_ID) instanceof Number n ? n.longValue() : null;
			String uri = text(event.getProperty(MediaLibraryEvents.ASSET_URI));
			return Optional.of(new StreamEvent(library, id, uri, href(id),
					text(event.getProperty(MediaLibraryEvents.QUALITY)), null, null, null));
		}
		if (topic.startsWith(StreamTopics.JOB_PREFIX)) {
			String uri = text(event.getProperty(StreamTopics.JOB_ASSET_URI));
			Long id = idOf(uri);
			return Optional.of(new StreamEvent("job", id, uri, href(id), null,
					text(event.getProperty(StreamTopics.JOB_ID)), topic.substring(StreamTopics.JOB_PREFIX.length()),
					text(event.getProperty(StreamTopics.JOB_ERROR))));
		}
		return Optional.empty();
	}

	/** @return the event in the stream's wire format */
	String wire() {
		return "event: " + type + "\ndata: " + Json.write(this) + "\n\n";
	}

	private static String text(Object value) {
		return value == null ? null : value.toString();
	}

	/** The API address of the asset, by its id. */
	private static String href(Long id) {
		return id == null ? null : AssetLinks.href(id);
	}

	/** A job names its asset by URI; the library's syntax gives its id. */
	private static Long idOf(String uri) {
		if (uri == null) {
			return null;
		}
		try {
			return AssetUri.parse(uri).id();
		} catch (MediaLibraryException e) {
			return null;
		}
	}
}
