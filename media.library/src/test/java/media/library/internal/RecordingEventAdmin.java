package media.library.internal;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** An EventAdmin that keeps the events posted to it. */
public final class RecordingEventAdmin implements EventAdmin {
	private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

	@Override
	public void postEvent(Event event) {
		events.add(event);
	}

	@Override
	public void sendEvent(Event event) {
		events.add(event);
	}

	/** @return the next event with that topic, skipping others; fails the test when none comes */
	public Event next(String topic) throws InterruptedException {
		while (true) {
			Event event = events.poll(10, TimeUnit.SECONDS);
			if (event == null) {
				throw new AssertionError("no event " + topic + " was posted");
			}
			if (event.getTopic().equals(topic)) {
				return event;
			}
		}
	}
}
