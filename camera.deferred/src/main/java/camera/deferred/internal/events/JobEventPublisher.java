package camera.deferred.internal.events;

import java.util.Map;
import java.util.function.Supplier;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Posts job transitions through EventAdmin when it is there; without it the transitions go unseen. */
public final class JobEventPublisher {
	private final Supplier<EventAdmin> eventAdmin;

	public JobEventPublisher(Supplier<EventAdmin> eventAdmin) {
		this.eventAdmin = eventAdmin;
	}

	/** Posts asynchronously; never blocks on handlers. */
	public void post(String topic, Map<String, ?> properties) {
		EventAdmin admin = eventAdmin.get();
		if (admin != null) {
			admin.postEvent(new Event(topic, properties));
		}
	}
}
