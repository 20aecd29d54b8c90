package camera.bench.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import camera.api.CaptureTimingEvents;

/**
 * The stages of the captures a benchmark times, as the camera framework posts them ({@link CaptureTimingEvents}):
 * subscribed while the benchmark runs, kept for the captures of one delivery in a range of capture ids.
 */
final class StageTimings implements EventHandler, AutoCloseable {
	/** The stages reported, each with the event property that carries it. */
	enum Stage {
		SHUTTER_LAG(CaptureTimingEvents.SHUTTER_LAG_NANOS),
		WAIT_FOR_FRAME(CaptureTimingEvents.WAIT_FOR_FRAME_NANOS),
		DEVELOP(CaptureTimingEvents.DEVELOP_NANOS),
		ENCODE(CaptureTimingEvents.ENCODE_NANOS),
		SPOOL_WRITE(CaptureTimingEvents.SPOOL_WRITE_NANOS),
		ASSET_WRITE(CaptureTimingEvents.ASSET_WRITE_NANOS);

		private final String property;

		Stage(String property) {
			this.property = property;
		}
	}

	private final Map<String, Map<Integer, Map<Stage, Long>>> byDelivery = new HashMap<>();
	private final ServiceRegistration<EventHandler> registration;

	/** Subscribes at once; {@link #close} unsubscribes. */
	StageTimings(BundleContext context) {
		Hashtable<String, Object> properties = new Hashtable<>();
		properties.put(EventConstants.EVENT_TOPIC, CaptureTimingEvents.TOPIC);
		registration = context.registerService(EventHandler.class, this, properties);
	}

	@Override
	public synchronized void handleEvent(Event event) {
		if (!(event.getProperty(CaptureTimingEvents.DELIVERY) instanceof String delivery)
				|| !(event.getProperty(CaptureTimingEvents.CAPTURE_ID) instanceof Integer captureId)) {
			return;
		}
		Map<Stage, Long> stages = new EnumMap<>(Stage.class);
		for (Stage stage : Stage.values()) {
			if (event.getProperty(stage.property) instanceof Long nanos) {
				stages.put(stage, nanos);
			}
		}
		byDelivery.computeIfAbsent(delivery, ignored -> new HashMap<>()).put(captureId, stages);
		notifyAll();
	}

	/**
	 * @param delivery   {@link CaptureTimingEvents#DELIVERY} of the captures
	 * @param firstId    the first capture id wanted
	 * @param count      how many consecutive ids
	 * @param waitMillis how long to wait for events still on their way (they are posted asynchronously)
	 * @return the stage's durations of those captures, in nanoseconds, for the captures that passed through it
	 */
	synchronized List<Long> of(String delivery, Stage stage, int firstId, int count, long waitMillis) {
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
		try {
			while (received(delivery, firstId, count) < count && System.nanoTime() < deadline) {
				TimeUnit.NANOSECONDS.timedWait(this, Math.max(1, deadline - System.nanoTime()));
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		List<Long> durations = new ArrayList<>();
		Map<Integer, Map<Stage, Long>> captures = byDelivery.getOrDefault(delivery, Map.of());
		for (int id = firstId; id < firstId + count; id++) {
			Long nanos = captures.getOrDefault(id, Map.of()).get(stage);
			if (nanos != null) {
				durations.add(nanos);
			}
		}
		return durations;
	}

	private int received(String delivery, int firstId, int count) {
		Map<Integer, Map<Stage, Long>> captures = byDelivery.getOrDefault(delivery, Map.of());
		int received = 0;
		for (int id = firstId; id < firstId + count; id++) {
			received += captures.containsKey(id) ? 1 : 0;
		}
		return received;
	}

	@Override
	public void close() {
		try {
			registration.unregister();
		} catch (IllegalStateException e) {
			// the bundle is stopping: its registrations are gone already
		}
	}
}
