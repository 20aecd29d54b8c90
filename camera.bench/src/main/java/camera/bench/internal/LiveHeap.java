package camera.bench.internal;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

/**
 * The largest heap left in use right after a garbage collection while it listens: what the heap held alive, as
 * opposed to the peak of used heap, which counts the garbage the collector had not come for yet. Read from the
 * collectors' notifications through the standard open types, so it needs no JDK-specific package.
 */
final class LiveHeap implements AutoCloseable {
	private static final String GC_NOTIFICATION = "com.sun.management.gc.notification";

	private final AtomicLong peak = new AtomicLong(-1);
	private final List<NotificationEmitter> emitters = new ArrayList<>();
	private final NotificationListener listener = this::collected;

	LiveHeap() {
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			if (collector instanceof NotificationEmitter emitter) {
				emitter.addNotificationListener(listener, null, null);
				emitters.add(emitter);
			}
		}
	}

	/** @return the largest heap in use after a collection, in bytes; -1 when no collection happened */
	long peakBytes() {
		return peak.get();
	}

	private void collected(Notification notification, Object handback) {
		if (!GC_NOTIFICATION.equals(notification.getType())
				|| !(notification.getUserData() instanceof CompositeData info)
				|| !(info.get("gcInfo") instanceof CompositeData gc)
				|| !(gc.get("memoryUsageAfterGc") instanceof TabularData pools)) {
			return;
		}
		long used = 0;
		for (Object row : pools.values()) {
			if (row instanceof CompositeData pool && pool.get("value") instanceof CompositeData usage
					&& isHeap(String.valueOf(pool.get("key")))) {
				used += (Long) usage.get("used");
			}
		}
		peak.accumulateAndGet(used, Math::max);
	}

	/** The heap pools of the collectors a JVM may run; the others (metaspace, code cache) are not heap. */
	private static boolean isHeap(String pool) {
		return ManagementFactory.getMemoryPoolMXBeans().stream()
			.anyMatch(bean -> bean.getName().equals(pool) && bean.getType() == MemoryType.HEAP);
	}

	@Override
	public void close() {
		for (NotificationEmitter emitter : emitters) {
			try {
				emitter.removeNotificationListener(listener);
			} catch (ListenerNotFoundException e) {
				// never added: nothing to remove
			}
		}
	}
}
