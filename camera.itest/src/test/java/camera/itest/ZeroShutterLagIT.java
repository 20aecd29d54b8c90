package camera.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import camera.api.CameraManager;
import camera.api.CaptureTimingEvents;
import media.library.PhotoAsset;

/**
 * Zero shutter lag on the whole platform: the simulated camera streams while a session runs, so a capture takes
 * frames its sensor exposed before the press; with the camera configured off, the frames come after the press.
 * The shutter lag is read from the framework's capture timing events.
 */
@ExtendWith({ BundleContextExtension.class, ServiceExtension.class })
class ZeroShutterLagIT {
	private static final String FRAMEWORK_PID = "camera.deferred.framework";
	private static final long WAIT_SECONDS = 30;

	@InjectService(timeout = 20_000)
	CameraManager cameras;
	@InjectService(timeout = 20_000)
	ConfigurationAdmin configurations;
	@InjectBundleContext
	BundleContext context;

	private final BlockingQueue<Event> timings = new LinkedBlockingQueue<>();
	private ServiceRegistration<EventHandler> subscription;
	private DeferredCaptureSession session;

	@BeforeEach
	void subscribe() {
		Dictionary<String, Object> properties = new Hashtable<>();
		properties.put(EventConstants.EVENT_TOPIC, CaptureTimingEvents.TOPIC);
		subscription = context.registerService(EventHandler.class, timings::add, properties);
	}

	@AfterEach
	void cleanUp() throws Exception {
		if (session != null) {
			session.release();
		}
		subscription.unregister();
		configurations.getConfiguration(FRAMEWORK_PID, "?").delete();
	}

	@Test
	void aCaptureWhileTheSessionRunsTakesFramesExposedBeforeThePress() throws Exception {
		session = DeferredCaptureSession.open(cameras, "sim-back");
		// the ring fills at the camera's frame rate (30 per second by default)
		Thread.sleep(500);

		long shutterLag = shutterLagOfOneCapture();

		assertThat(shutterLag).as("shutter lag in ns").isNegative();
	}

	@Test
	void aCameraConfiguredOffExposesItsFramesAfterThePress() throws Exception {
		Configuration framework = configurations.getConfiguration(FRAMEWORK_PID, "?");
		Dictionary<String, Object> off = new Hashtable<>();
		off.put("zslOffCameras", new String[] { "sim-back" });
		framework.update(off);
		eventuallyConfigured();
		session = DeferredCaptureSession.open(cameras, "sim-back");
		Thread.sleep(500);

		long shutterLag = shutterLagOfOneCapture();

		assertThat(shutterLag).as("shutter lag in ns").isNotNegative();
	}

	private long shutterLagOfOneCapture() throws InterruptedException {
		timings.clear();
		int id = session.capture();
		assertThat(session.nextOutcome(WAIT_SECONDS)).isInstanceOf(PhotoAsset.class);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
		while (System.nanoTime() < deadline) {
			Event event = timings.poll(1, TimeUnit.SECONDS);
			if (event != null && Integer.valueOf(id).equals(event.getProperty(CaptureTimingEvents.CAPTURE_ID))
					&& CaptureTimingEvents.DEFERRED_ASSET.equals(event.getProperty(CaptureTimingEvents.DELIVERY))) {
				return (Long) event.getProperty(CaptureTimingEvents.SHUTTER_LAG_NANOS);
			}
		}
		throw new AssertionError("no timing event for capture " + id);
	}

	/** ConfigAdmin hands the configuration to the component asynchronously: give it a moment to arrive. */
	private static void eventuallyConfigured() throws InterruptedException {
		Thread.sleep(500);
	}
}
