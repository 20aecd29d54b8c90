package camera.hal.v4l2.internal.discovery;

import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import camera.api.hal.HalCamera;
import camera.api.hal.HalCameraProperties;
import camera.hal.v4l2.internal.camera.CaptureSettings;
import camera.hal.v4l2.internal.camera.V4l2Camera;
import camera.hal.v4l2.internal.syscall.NativeSyscalls;
import camera.hal.v4l2.internal.syscall.Syscalls;

/**
 * The V4L2 HAL: watches the device nodes and registers one {@link HalCamera} service per capture device while it
 * exists. The cameras come and go with the hardware, so they are registered through the bundle context rather
 * than declared as components; every registration, open device, mapping and the watcher thread end in
 * {@link #deactivate()}.
 */
@Component(service = {}, immediate = true, configurationPid = V4l2Hal.PID)
@Designate(ocd = V4l2Hal.Config.class)
public final class V4l2Hal {
	static final String PID = "camera.hal.v4l2";

	@ObjectClassDefinition(name = "Darkroom V4L2 cameras",
			description = "Real Linux cameras through Video4Linux2: which device nodes to use and how to capture.")
	public @interface Config {
		@AttributeDefinition(description = "Device nodes to consider as cameras: a path whose file name may hold "
				+ "a glob, e.g. /dev/video* or /dev/video2.")
		String devices() default "/dev/video*";

		@AttributeDefinition(description = "Seconds between scans for cameras plugged in or removed; 0 scans "
				+ "only at start.", min = "0")
		int rescanSeconds() default 3;

		@AttributeDefinition(description = "The most frames one capture delivers (a burst for the multi-frame "
				+ "merge of phase 2).", min = "1")
		int maxBurst() default 4;

		@AttributeDefinition(description = "Memory-mapped buffers asked of the driver for one capture.", min = "2")
		int bufferCount() default 4;

		@AttributeDefinition(description = "Memory-mapped buffers asked of the driver for a stream: the most "
				+ "frames the camera lends the framework at once (its zero-shutter-lag ring and a capture taking "
				+ "frames from it); while all are lent, the camera drops frames.", min = "2")
		int streamBufferCount() default 8;

		@AttributeDefinition(description = "Milliseconds to wait for one frame before a capture fails.", min = "1")
		int pollTimeoutMillis() default 2000;

		@AttributeDefinition(description = "Milliseconds closing a camera waits for the frames it lent to be "
				+ "released; a frame never released keeps its buffer mapped, and an error is logged.", min = "0")
		int releaseTimeoutMillis() default 3000;
	}

	private final BundleContext context;
	private final Logger log;
	private final Syscalls syscalls = new NativeSyscalls();
	private final List<Thread> watcherThreads = new CopyOnWriteArrayList<>();
	private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "darkroom-v4l2-watcher");
		watcherThreads.add(thread);
		return thread;
	});
	private volatile CaptureSettings settings;
	private Config watching;
	private DeviceWatcher watcher;
	private ScheduledFuture<?> scans;

	@Activate
	public V4l2Hal(BundleContext context, Config config,
			@Reference(service = LoggerFactory.class) Logger log) {
		this.context = context;
		this.log = log;
		start(config);
	}

	/**
	 * Capture settings apply to the next capture or stream (the size of a device's frame pool to its next open); a
	 * new device glob or scan interval restarts the watcher.
	 */
	@Modified
	synchronized void modified(Config config) {
		if (config.devices().equals(watching.devices()) && config.rescanSeconds() == watching.rescanSeconds()) {
			settings = captureSettings(config);
			return;
		}
		stopWatching();
		start(config);
	}

	@Deactivate
	synchronized void deactivate() {
		stopWatching();
		executor.shutdownNow();
		try {
			if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
				log.error("the V4L2 watcher thread did not stop within 10 s");
			}
			// The executor reports termination just before its thread ends; the old class loader must be free.
			for (Thread thread : watcherThreads) {
				if (thread.isAlive()) {
					thread.join(Duration.ofSeconds(10));
				}
			}
		} catch (InterruptedException e) {
			log.warn("interrupted while the V4L2 watcher thread stops");
			Thread.currentThread().interrupt();
		}
	}

	private static CaptureSettings captureSettings(Config config) {
		return new CaptureSettings(config.maxBurst(), config.bufferCount(), config.streamBufferCount(),
				Duration.ofMillis(config.pollTimeoutMillis()), Duration.ofMillis(config.releaseTimeoutMillis()));
	}

	private synchronized void start(Config config) {
		watching = config;
		settings = captureSettings(config);
		watcher = new DeviceWatcher(syscalls, new DeviceNodes(config.devices()), () -> settings, this::register,
				executor, log);
		Runnable scan = () -> {
			try {
				watcher.rescan();
			} catch (RuntimeException e) {
				log.error("scanning {} for V4L2 cameras failed", config.devices(), e);
			}
		};
		scans = config.rescanSeconds() > 0
				? executor.scheduleWithFixedDelay(scan, 0, config.rescanSeconds(), TimeUnit.SECONDS)
				: executor.schedule(scan, 0, TimeUnit.SECONDS);
	}

	private void stopWatching() {
		scans.cancel(false);
		watcher.stop();
	}

	private Runnable register(V4l2Camera camera) {
		Hashtable<String, Object> properties = new Hashtable<>();
		properties.put(HalCameraProperties.CAMERA_ID, camera.info().id());
		properties.put(HalCameraProperties.HAL, camera.info().hal());
		properties.put("v4l2.device", camera.path());
		properties.put(Constants.SERVICE_DESCRIPTION, camera.info().name());
		ServiceRegistration<HalCamera> registration = context.registerService(HalCamera.class, camera, properties);
		return () -> {
			try {
				registration.unregister();
			} catch (IllegalStateException e) {
				log.debug("V4L2 camera {} was already unregistered with its bundle", camera.info().id());
			}
		};
	}
}
