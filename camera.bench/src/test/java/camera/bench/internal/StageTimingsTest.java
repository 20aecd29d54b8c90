package camera.bench.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;

import camera.api.CaptureTimingEvents;

class StageTimingsTest {
	private static BundleContext context() {
		ServiceRegistration<?> registration = (ServiceRegistration<?>) Proxy.newProxyInstance(
				StageTimingsTest.class.getClassLoader(), new Class<?>[] { ServiceRegistration.class },
				(proxy, method, args) -> null);
		return (BundleContext) Proxy.newProxyInstance(StageTimingsTest.class.getClassLoader(),
				new Class<?>[] { BundleContext.class }, (proxy, method, args) -> registration);
	}

	private static Event timed(String delivery, int captureId, long developNanos) {
		return new Event(CaptureTimingEvents.TOPIC, Map.of(CaptureTimingEvents.DELIVERY, delivery,
				CaptureTimingEvents.CAPTURE_ID, captureId, CaptureTimingEvents.DEVELOP_NANOS, developNanos,
				CaptureTimingEvents.SHUTTER_LAG_NANOS, -developNanos));
	}

	@Test
	void keepsTheStagesOfTheCapturesInTheRangeOfOneDelivery() {
		try (StageTimings timings = new StageTimings(context())) {
			timings.handleEvent(timed(CaptureTimingEvents.DEFERRED_ASSET, 1, 100));
			timings.handleEvent(timed(CaptureTimingEvents.DEFERRED_ASSET, 3, 300));
			timings.handleEvent(timed(CaptureTimingEvents.DEFERRED_ASSET, 4, 400));
			timings.handleEvent(timed(CaptureTimingEvents.SINGLE_PHASE, 3, 9_000));

			assertThat(timings.of(CaptureTimingEvents.DEFERRED_ASSET, StageTimings.Stage.DEVELOP, 3, 2, 0)).containsExactly(300L, 400L);
			assertThat(timings.of(CaptureTimingEvents.DEFERRED_ASSET, StageTimings.Stage.SHUTTER_LAG, 3, 2, 0))
				.containsExactly(-300L, -400L);
			assertThat(timings.of(CaptureTimingEvents.SINGLE_PHASE, StageTimings.Stage.DEVELOP, 3, 2, 0)).containsExactly(9_000L);
		}
	}

	@Test
	void aStageTheCapturesDidNotPassThroughHasNoSamples() {
		try (StageTimings timings = new StageTimings(context())) {
			timings.handleEvent(timed(CaptureTimingEvents.SINGLE_PHASE, 1, 5));

			assertThat(timings.of(CaptureTimingEvents.SINGLE_PHASE, StageTimings.Stage.SPOOL_WRITE, 1, 1, 0)).isEmpty();
		}
	}

	@Test
	void eventsWithoutADeliveryOrCaptureIdAreIgnored() {
		try (StageTimings timings = new StageTimings(context())) {
			timings.handleEvent(new Event(CaptureTimingEvents.TOPIC, Map.of(CaptureTimingEvents.DEVELOP_NANOS, 1L)));

			assertThat(timings.of(CaptureTimingEvents.SINGLE_PHASE, StageTimings.Stage.DEVELOP, 1, 1, 0)).isEmpty();
		}
	}
}
