package camera.hal.sim.internal.camera;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import camera.api.CameraErrorCode;
import camera.api.CameraException;
import camera.api.CameraPosition;
import camera.api.Size;
import camera.api.hal.BayerPattern;
import camera.api.hal.FrameMetadata;
import camera.api.hal.HalCamera;
import camera.api.hal.HalCameraInfo;
import camera.api.hal.HalCameraProperties;
import camera.api.hal.HalCapabilities;
import camera.api.hal.HalDevice;
import camera.api.hal.HalProfile;
import camera.api.hal.PixelFormat;
import camera.api.hal.RawFrame;
import camera.api.hal.SimulatedScene;
import camera.hal.sim.internal.scene.SeedMixer;
import camera.hal.sim.internal.sensor.RowBands;
import camera.hal.sim.internal.sensor.SensorModel;
import camera.hal.sim.internal.sensor.Shake;
import camera.hal.sim.internal.sensor.SimulatedSensor;

/**
 * One simulated camera. Each factory configuration of {@value #PID} makes one; while none exists, a single
 * default back camera {@code sim-back} runs (configuration policy OPTIONAL on a factory PID), so the platform
 * has a camera out of the box and a configuration replaces it.
 * <p>
 * The component registers its {@link HalCamera} service, and beside it the camera's {@link SimulatedScene} (the
 * noise-free reference for measurements, with the same properties), itself rather than through DS, because a
 * camera can go away while its component lives on: the drop fault unplugs it in the middle of a burst and plugs it back
 * later, as a USB camera would. Changes to timing and faults apply from the next capture; changes to the sensor
 * render a new scene; changes to the camera's identity or capabilities re-register it (an open device then
 * fails with DEVICE_DISABLED). The scenes of all profiles are rendered in the background after activation, so
 * the first capture of a size does not pay for it. Deactivation lets running captures finish their frame, then
 * stops and joins every thread it started.
 */
@Component(configurationPid = SimulatedCamera.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, service = {})
@Designate(ocd = SimulatedCamera.Configuration.class, factory = true)
public final class SimulatedCamera implements HalCamera {
	/** The factory PID of camera configurations. */
	public static final String PID = "camera.hal.sim";
	private static final long SHUTDOWN_WAIT_SECONDS = 5;

	@ObjectClassDefinition(name = "Darkroom simulated camera",
			description = "A simulated 12-bit RGGB camera in front of a deterministic scene. One configuration per "
					+ "camera; without any, one back camera 'sim-back' runs with these defaults.")
	public @interface Configuration {
		@AttributeDefinition(name = "Camera id", description = "Unique among all cameras of all HALs, e.g. sim-back.")
		String camera_id() default "sim-back";

		@AttributeDefinition(name = "Name", description = "The camera's name for people.")
		String camera_name() default "Simulated back camera";

		@AttributeDefinition(name = "Position", description = "Where the camera faces.")
		CameraPosition camera_position() default CameraPosition.BACK;

		@AttributeDefinition(name = "Profiles",
				description = "Frame sizes offered as WIDTHxHEIGHT, even numbers, RAW_BAYER16 each.")
		String[] profiles() default { "4000x3000", "1920x1080", "640x480" };

		@AttributeDefinition(name = "Burst frames",
				description = "The most raw frames one capture can deliver (1 to 64); the framework chooses up to it.")
		int burst_frames() default 4;

		@AttributeDefinition(name = "ISO",
				description = "Sensitivity, 50 to 25600: shot and read noise grow with it, brightness does not.")
		int iso() default 800;

		@AttributeDefinition(name = "Scene seed",
				description = "Chooses the scene's details (glyphs, star rotation, zone plate phase) and the noise.")
		long scene_seed() default 1;

		@AttributeDefinition(name = "Shot noise scale",
				description = "Multiplies the photon shot noise variance; 0 turns shot noise off.")
		double shot_noise_scale() default 1.0;

		@AttributeDefinition(name = "Read noise scale",
				description = "Multiplies the read noise standard deviation; 0 turns read noise off.")
		double read_noise_scale() default 1.0;

		@AttributeDefinition(name = "Black level",
				description = "The raw value of black on the 12-bit scale (white is 4095), 0 to 1023.")
		int black_level() default 256;

		@AttributeDefinition(name = "Vignetting",
				description = "Whether the lens darkens towards the corners (to 64% of the centre).")
		boolean vignetting() default true;

		@AttributeDefinition(name = "Shake pixels",
				description = "Largest global movement of the scene between the first frame of a burst and a later "
						+ "one, 0 to 64, rounded down to an even number so frames keep their Bayer phase.")
		int shake_pixels() default 2;

		@AttributeDefinition(name = "Exposure (ms)",
				description = "Exposure time of each frame, also reported in its metadata; 0 for benchmarks.")
		int exposure_ms() default 10;

		@AttributeDefinition(name = "Readout (ms)",
				description = "Readout time of each frame after its exposure; 0 for benchmarks.")
		int readout_ms() default 20;

		@AttributeDefinition(name = "Frame rate",
				description = "Frames per second while the camera streams for zero shutter lag, 1 to 1000; slower "
						+ "when exposure plus readout take longer.")
		int frame_rate() default 30;

		@AttributeDefinition(name = "Frame buffers",
				description = "Native buffers per profile the sensor lends its frames in, as a camera's DMA buffers, "
						+ "each holding its own noisy frame, rendered once (the first burst's worth in the background at "
						+ "activation, the others on first use), so that a capture costs no rendering. While all are lent "
						+ "the camera drops frames. 0 to 64 (each takes width x height x 2 bytes outside the heap); 0 "
						+ "renders every frame on the capture path into a new buffer, and the camera does not stream.")
		int frame_buffers() default 12;

		@AttributeDefinition(name = "Deferred photo delivery",
				description = "Whether the camera supports deferred delivery of PHOTO; off exercises the single-phase path.")
		boolean deferred_photo() default true;

		@AttributeDefinition(name = "Fault: fail capture",
				description = "The capture (counted from 1 since the camera was configured) that fails with "
						+ "SERVICE_FATAL_ERROR before its first frame; 0 for none.")
		int fault_fail_capture() default 0;

		@AttributeDefinition(name = "Fault: delay (ms)",
				description = "Extra time every capture waits before its shutter; 0 for none.")
		int fault_delay_ms() default 0;

		@AttributeDefinition(name = "Fault: drop during capture",
				description = "The capture during which the camera is unplugged: its service goes away and the "
						+ "capture fails with DEVICE_DISABLED; 0 for none.")
		int fault_drop_capture() default 0;

		@AttributeDefinition(name = "Fault: frames before the drop",
				description = "How many frames of that capture are delivered before the camera is unplugged.")
		int fault_drop_after_frames() default 1;

		@AttributeDefinition(name = "Fault: reattach after (ms)",
				description = "How long an unplugged camera stays away before its service returns; negative: "
						+ "until the camera is reconfigured.")
		int fault_reattach_ms() default 1000;

		@AttributeDefinition(name = "Fault: corrupt capture",
				description = "The capture one of whose frames is corrupt; 0 for none.")
		int fault_corrupt_capture() default 0;

		@AttributeDefinition(name = "Fault: corrupt frame",
				description = "Which frame of that capture is corrupt, counted from 0.")
		int fault_corrupt_frame() default 0;

		@AttributeDefinition(name = "Fault: corruption",
				description = "TRUNCATED: the buffer ends half-way; OUT_OF_RANGE: a band of rows holds 0xFFFF, "
						+ "above the 12-bit white level.")
		Corruption fault_corruption() default Corruption.TRUNCATED;
	}

	/** The camera's services: its HalCamera and, while it is registered, its scene. */
	private record Registration(ServiceRegistration<HalCamera> camera, ServiceRegistration<SimulatedScene> scene) {
		void unregister() {
			scene.unregister();
			camera.unregister();
		}
	}

	/**
	 * The settings in force, the sensor that renders them and its frame buffers (null when frames are rendered on the
	 * capture path), swapped as one.
	 */
	record Setup(CameraSettings settings, SimulatedSensor sensor, FrameBuffers buffers) {
		/**
		 * @return one raw frame's samples rendered now from the seed into a new buffer, shaken (except the first)
		 *         and noisy, as the capture path without buffers and a measurement want them
		 * @param index the frame within the burst, 0 for the first
		 */
		ByteBuffer renderedSamples(Size size, long seed, int index) {
			return sensor.frame(size, Shake.of(seed, index, settings.shakePixels()), SeedMixer.mix(seed, index));
		}

		/** @return the raw frame around a frame's samples, whose exposure began at timestampNanos */
		RawFrame rawFrame(Size size, ByteBuffer samples, long timestampNanos) {
			SensorModel model = sensor.model();
			FrameMetadata metadata = new FrameMetadata(timestampNanos, settings.timing().exposureNanos(), model.iso(),
					model.blackLevel(), SensorModel.WHITE_LEVEL, BayerPattern.RGGB);
			return new RawFrame(PixelFormat.RAW_BAYER16, size.width(), size.height(), size.width() * 2, samples,
					metadata);
		}

		/**
		 * The noise-free reference of the first frame of any capture of this size (the first frame is never
		 * shaken). Samples are R, G, B in linear light on the raw scale with the black level subtracted, vignetting
		 * included, white balance 1: for a pixel whose RGGB site records channel c, the mean of many raw frames is
		 * {@code blackLevel + reference[c]}. The metadata says so: black level 0, white level
		 * {@code 4095 - blackLevel} (the sensor's full scale), no Bayer pattern, timestamp 0. Rendered on each
		 * call (about 0.7 s for 12 MP on two cores).
		 */
		RawFrame reference(Size size) {
			SensorModel model = sensor.model();
			FrameMetadata metadata = new FrameMetadata(0, settings.timing().exposureNanos(), model.iso(), 0,
					model.fullScale(), null);
			return new RawFrame(PixelFormat.RGB48_LINEAR, size.width(), size.height(), size.width() * 6,
					sensor.reference(size), metadata);
		}
	}

	private final BundleContext context;
	private final Logger log;
	private final ExecutorService pixelWorkers;
	/** Plugs the camera back in and renders scenes ahead of captures. */
	private final ScheduledExecutorService background;
	private final RowBands bands;
	/** Every thread the executors started, joined on deactivation so none outlives the bundle's class loader. */
	private final List<Thread> threads = new CopyOnWriteArrayList<>();
	/** Captures hold it shared while they run; deactivation takes it exclusively to let them finish. */
	private final ReadWriteLock activity = new ReentrantReadWriteLock();
	private final AtomicReference<SimulatedDevice> openDevice = new AtomicReference<>();
	private final AtomicInteger capturesSinceConfigured = new AtomicInteger();
	private final CameraScene scene = new CameraScene(this);
	private volatile Setup setup;

	/** Guards registration, attached and deactivated. */
	private final Object attachment = new Object();
	private Registration registration;
	/** The registration of an unplugged camera until the background thread unregisters it. */
	private Registration unplugged;
	private boolean attached;
	private boolean deactivated;
	private Future<?> pendingReattach;

	@Activate
	public SimulatedCamera(BundleContext context, Configuration configuration,
			@Reference(service = LoggerFactory.class) Logger log) {
		CameraSettings settings = CameraSettings.from(configuration);
		this.context = context;
		this.log = log;
		String threadPrefix = "darkroom-sim-" + settings.info().id();
		this.pixelWorkers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
				threadFactory(threadPrefix + "-pixels-"));
		this.background = Executors.newSingleThreadScheduledExecutor(threadFactory(threadPrefix + "-background-"));
		this.bands = new RowBands(pixelWorkers);
		SimulatedSensor sensor = newSensor(settings);
		this.setup = new Setup(settings, sensor, newBuffers(settings, sensor));
		// last: the camera is complete before anyone can find it
		attach();
		prepareScenes(setup);
	}

	@Modified
	void modified(Configuration configuration) {
		CameraSettings settings;
		try {
			settings = CameraSettings.from(configuration);
		} catch (IllegalArgumentException e) {
			log.error("camera {}: configuration rejected, keeping the previous one: {}", id(), e.getMessage());
			return;
		}
		Setup previous = setup;
		SimulatedSensor sensor = settings.seesSameAs(previous.settings()) ? previous.sensor() : newSensor(settings);
		boolean sameCamera = settings.info().equals(previous.settings().info())
				&& settings.capabilities().equals(previous.settings().capabilities());
		FrameBuffers buffers = newBuffers(settings, sensor);
		boolean sameFrames = buffers == null ? previous.buffers() == null : buffers.keepsAsMany(previous.buffers());
		setup = new Setup(settings, sensor, sameFrames ? previous.buffers() : buffers);
		capturesSinceConfigured.set(0);
		if (!sameFrames) {
			prepareScenes(setup);
		}
		if (!sameCamera) {
			log.info("camera {} is now {}: registering it again", previous.settings().info().id(), settings.info().id());
			detach();
		}
		synchronized (attachment) {
			if (!attached && !deactivated) {
				cancelReattach();
				attach();
			}
		}
	}

	@Deactivate
	void deactivate() {
		synchronized (attachment) {
			deactivated = true;
			cancelReattach();
		}
		detach();
		background.shutdownNow();
		Lock exclusive = activity.writeLock();
		boolean capturesFinished = false;
		try {
			capturesFinished = exclusive.tryLock(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		if (!capturesFinished) {
			log.warn("camera {}: a capture did not finish within {} s; stopping its workers anyway", id(),
					SHUTDOWN_WAIT_SECONDS);
		}
		// queued bands are cancelled, not just dropped, so a capture waiting on them fails instead of hanging
		for (Runnable queued : pixelWorkers.shutdownNow()) {
			if (queued instanceof Future<?> band) {
				band.cancel(false);
			}
		}
		awaitTermination(pixelWorkers);
		awaitTermination(background);
		joinThreads();
		// an unplug whose unregistration the background thread had no time for
		unregisterUnplugged();
		if (capturesFinished) {
			exclusive.unlock();
		}
	}

	@Override
	public HalCameraInfo info() {
		return setup.settings().info();
	}

	@Override
	public HalCapabilities capabilities() {
		return setup.settings().capabilities();
	}

	@Override
	public HalDevice open() {
		synchronized (attachment) {
			if (!attached) {
				throw new CameraException(CameraErrorCode.DEVICE_DISABLED, "camera " + id() + " is not attached");
			}
			SimulatedDevice device = new SimulatedDevice(this);
			if (!openDevice.compareAndSet(null, device)) {
				throw new CameraException(CameraErrorCode.CONFLICT_CAMERA, "camera " + id() + " is already open");
			}
			return device;
		}
	}

	Setup setup() {
		return setup;
	}

	Logger log() {
		return log;
	}

	/** @return a started thread of this camera's, joined on deactivation */
	Thread startThread(String purpose, Runnable task) {
		Thread thread = threadFactory("darkroom-sim-" + id() + "-" + purpose + "-").newThread(task);
		thread.start();
		return thread;
	}

	/** @return the number of this capture since the camera was configured, from 1 */
	int nextCaptureNumber() {
		return capturesSinceConfigured.incrementAndGet();
	}

	/** @return the lock a capture holds shared while it runs, so deactivation waits for it */
	Lock captureActivity() {
		return activity.readLock();
	}

	/** The device was closed by its user: the camera can be opened again. */
	void released(SimulatedDevice device) {
		openDevice.compareAndSet(device, null);
	}

	/**
	 * The drop fault: the camera goes away now and, if configured, comes back after a while. Called on a capture
	 * thread, so the service is unregistered on the background thread, as a real HAL notices an unplug: the
	 * framework's unbind never runs inside a capture it may be waiting for. Opening fails from now on.
	 */
	void unplug(int reattachMillis) {
		log.warn("camera {}: simulated unplug during a capture", id());
		synchronized (attachment) {
			unplugged = registration;
			registration = null;
			attached = false;
			disconnectOpenDevice();
			if (!deactivated) {
				background.execute(this::unregisterUnplugged);
				if (reattachMillis >= 0) {
					pendingReattach = background.schedule(this::reattach, reattachMillis, TimeUnit.MILLISECONDS);
				}
			}
		}
	}

	/** Renders every frame buffer of a size in the background, as a stream of it needs them all. */
	void prepareInBackground(Setup prepared, Size size) {
		try {
			background.execute(() -> {
				try {
					prepared.buffers().prepare(size, prepared.settings().frameBuffers());
				} catch (CameraException e) {
					log.debug("camera {}: buffers of {} not rendered ahead: {}", id(), size, e.getMessage());
				}
			});
		} catch (RejectedExecutionException e) {
			// the camera is stopping
		}
	}

	/** Smallest first, so that quick captures are ready soonest. */
	private void prepareScenes(Setup prepared) {
		List<HalProfile> profiles = new ArrayList<>(prepared.settings().capabilities().profiles());
		Collections.reverse(profiles);
		background.execute(() -> {
			for (HalProfile profile : profiles) {
				if (setup != prepared) {
					return;
				}
				try {
					prepared.sensor().prepare(profile.size());
					if (prepared.buffers() != null) {
						prepared.buffers().prepare(profile.size(), prepared.settings().capabilities().maxBurst());
					}
				} catch (CameraException e) {
					log.debug("camera {}: scene {} not prepared ahead: {}", id(), profile.size(), e.getMessage());
					return;
				}
			}
		});
	}

	private void unregisterUnplugged() {
		Registration gone;
		synchronized (attachment) {
			gone = unplugged;
			unplugged = null;
		}
		if (gone != null) {
			gone.unregister();
		}
	}

	private void reattach() {
		synchronized (attachment) {
			if (!attached && !deactivated) {
				attach();
				log.info("camera {}: plugged back in", id());
			}
		}
	}

	private void attach() {
		synchronized (attachment) {
			HalCameraInfo info = info();
			Dictionary<String, Object> properties = new Hashtable<>();
			properties.put(HalCameraProperties.CAMERA_ID, info.id());
			properties.put(HalCameraProperties.HAL, info.hal());
			registration = new Registration(context.registerService(HalCamera.class, this, properties),
					context.registerService(SimulatedScene.class, scene, properties));
			attached = true;
		}
	}

	/** Unregisters the camera and disconnects whoever has it open. */
	private void detach() {
		Registration gone;
		synchronized (attachment) {
			gone = registration;
			registration = null;
			attached = false;
		}
		// outside the lock: unregistering calls the framework's unbind, which may call back into this camera
		if (gone != null) {
			gone.unregister();
		}
		disconnectOpenDevice();
	}

	private void disconnectOpenDevice() {
		SimulatedDevice device = openDevice.getAndSet(null);
		if (device != null) {
			device.disconnect();
		}
	}

	private void cancelReattach() {
		if (pendingReattach != null) {
			pendingReattach.cancel(false);
			pendingReattach = null;
		}
	}

	private SimulatedSensor newSensor(CameraSettings settings) {
		return new SimulatedSensor(settings.sensor(), settings.sceneSeed(), settings.shakePixels(), bands);
	}

	private static FrameBuffers newBuffers(CameraSettings settings, SimulatedSensor sensor) {
		return settings.frameBuffers() == 0 ? null
				: new FrameBuffers(sensor, settings.shakePixels(), settings.frameBuffers(), settings.sceneSeed());
	}

	private String id() {
		return setup.settings().info().id();
	}

	private void awaitTermination(ExecutorService executor) {
		try {
			if (!executor.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)) {
				log.error("camera {}: a worker thread did not stop; the bundle's class loader may leak", id());
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** A terminated executor's last thread may still be on its way out: wait until it is gone. */
	private void joinThreads() {
		try {
			for (Thread thread : threads) {
				// an executor shut down between creating a worker and starting it leaves it unstarted
				if (thread.getState() != Thread.State.NEW && !thread.join(Duration.ofSeconds(SHUTDOWN_WAIT_SECONDS))) {
					log.error("camera {}: thread {} did not stop; the bundle's class loader may leak", id(),
							thread.getName());
				}
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private ThreadFactory threadFactory(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return runnable -> {
			Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
			thread.setDaemon(true);
			threads.add(thread);
			return thread;
		};
	}
}
