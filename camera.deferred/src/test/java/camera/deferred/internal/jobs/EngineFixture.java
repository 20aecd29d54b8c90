package camera.deferred.internal.jobs;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import camera.api.CameraPosition;
import camera.api.CameraType;
import camera.api.ConnectionType;
import camera.api.DeferredJobEvents;
import camera.api.PhotoCaptureSetting;
import camera.api.hal.BayerPattern;
import camera.api.hal.FrameMetadata;
import camera.api.hal.HalCameraInfo;
import camera.api.hal.PixelFormat;
import camera.api.hal.RawFrame;
import camera.develop.DngCodec;
import camera.deferred.internal.development.JpegQualities;
import camera.deferred.internal.events.JobEventPublisher;
import camera.deferred.internal.schedule.ConditionScope;
import camera.deferred.internal.testing.TestSupport;

/** A deferred engine over a temporary data directory with fake pipeline, codec, library and conditions. */
final class EngineFixture implements AutoCloseable {
	static final int FRAME_WIDTH = 8;
	static final int FRAME_HEIGHT = 6;
	static final long FRAME_BYTES = FRAME_WIDTH * FRAME_HEIGHT * 2L;
	private static final HalCameraInfo CAMERA = new HalCameraInfo("sim-back", "Simulated back camera", "sim",
			CameraPosition.BACK, CameraType.DEFAULT, ConnectionType.BUILT_IN, "Darkroom", "Sim 1");

	final Path data;
	final FakeLibrary library = new FakeLibrary();
	final FakeDeveloper developer = new FakeDeveloper();
	final FakeCodec codec = new FakeCodec();
	/** Writes "DNG" and the frame's first sample; null plays a platform without a DNG writer. */
	volatile DngCodec dngCodec = (frame, exif) -> ("DNG " + frame.width() + "x" + frame.height() + " orientation "
			+ exif.orientation()).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
	volatile JpegQualities qualities = JpegQualities.DEFAULTS;
	final SettableCondition pressure = new SettableCondition("pressure", ConditionScope.PRESSURE);
	final SettableCondition capture = new SettableCondition("capture", ConditionScope.CAPTURE);
	final SettableCondition health = new SettableCondition("health", ConditionScope.HEALTH);
	final TestSupport.ManualClock clock = new TestSupport.ManualClock(Instant.parse("2026-11-21T10:00:00Z"));
	final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
	/** No wait for assets: the fixture creates each asset right after its burst is committed, and its clock stands still. */
	EngineSettings settings = settings(Duration.ZERO);
	/** How the engine's spool makes the background sync durable; the real fsync unless a test watches it. */
	SpoolSync.FileSync fileSync = SpoolSync.FSYNC;
	JobEngine engine;
	/** The spool the running engine writes, closed with it as the component closes it. */
	Spool engineSpool;
	LibrarySession session;
	private long nextTimestamp = 1;

	EngineFixture(Path data) {
		this.data = data;
	}

	EngineSettings settings(Duration assetWait) {
		return settings(assetWait, Durability.PROCESS);
	}

	EngineSettings settings(Duration assetWait, Durability durability) {
		return new EngineSettings(1, 100 * FRAME_BYTES, Duration.ofMinutes(5), 3, 5, Duration.ZERO, Duration.ofMinutes(60),
				Duration.ofMinutes(10), Duration.ofMillis(20), assetWait, 0, durability);
	}

	JobEngine start() {
		EventAdmin eventAdmin = new EventAdmin() {
			@Override
			public void postEvent(Event event) {
				events.add(event);
			}

			@Override
			public void sendEvent(Event event) {
				events.add(event);
			}
		};
		engineSpool = spool();
		engine = new JobEngine(settings, engineSpool, new PhaseTwo(data.resolve("out"), () -> dngCodec),
				new JobEngine.Services(() -> library, () -> developer, () -> codec, () -> qualities,
						() -> List.of(pressure, capture, health), new JobEventPublisher(() -> eventAdmin)),
				TestSupport.logger(), clock);
		session = new LibrarySession(engine, TestSupport.logger());
		engine.start();
		return engine;
	}

	/** Stops the engine and starts a new one over the same data, as a restart does. */
	JobEngine restart() {
		engine.stop();
		engineSpool.close();
		events.clear();
		return start();
	}

	Spool spool() {
		return new Spool(data.resolve("spool"), null, fileSync, TestSupport.logger());
	}

	/** @return a burst of two frames whose first frame carries the next timestamp */
	CapturedBurst burst() {
		long timestamp = nextTimestamp++;
		return new CapturedBurst(List.of(frame(timestamp), frame(timestamp + 1_000_000)), CAMERA,
				PhotoCaptureSetting.defaults(), clock.instant());
	}

	/** @return a burst of two frames whose samples fit in 12 bits, which the spool stores packed */
	CapturedBurst twelveBitBurst() {
		long timestamp = nextTimestamp++;
		FrameMetadata metadata = new FrameMetadata(timestamp, 10_000_000, 100, 256, 4095, BayerPattern.RGGB);
		List<RawFrame> frames = new java.util.ArrayList<>();
		for (int index = 0; index < 2; index++) {
			ByteBuffer pixels = ByteBuffer.allocate((int) FRAME_BYTES).order(java.nio.ByteOrder.LITTLE_ENDIAN);
			for (int sample = 0; sample < pixels.capacity() / 2; sample++) {
				pixels.putShort(sample * 2, (short) ((sample * 7 + index) & 0xFFF));
			}
			frames.add(new RawFrame(PixelFormat.RAW_BAYER16, FRAME_WIDTH, FRAME_HEIGHT, FRAME_WIDTH * 2, pixels,
					metadata));
		}
		return new CapturedBurst(frames, CAMERA, PhotoCaptureSetting.defaults(), clock.instant());
	}

	long lastTimestamp() {
		return nextTimestamp - 1;
	}

	private static RawFrame frame(long timestamp) {
		ByteBuffer pixels = ByteBuffer.allocate((int) FRAME_BYTES);
		for (int i = 0; i < pixels.capacity(); i++) {
			pixels.put(i, (byte) (i * 7 + timestamp));
		}
		return new RawFrame(PixelFormat.RAW_BAYER16, FRAME_WIDTH, FRAME_HEIGHT, FRAME_WIDTH * 2, pixels,
				new FrameMetadata(timestamp, 10_000_000, 100, 64, 1023, BayerPattern.RGGB));
	}

	/** @return a burst whose capture asked to keep a raw file */
	CapturedBurst rawBurst() {
		CapturedBurst burst = burst();
		return new CapturedBurst(burst.frames(), burst.camera(), burst.setting().withRaw(true), burst.captureTime());
	}

	/** Accepts a burst and creates its asset, as the capture path does. */
	String capture() {
		String jobId = WholeBursts.accept(engine, burst());
		library.addAsset(jobId);
		return jobId;
	}

	/** @return the next event of that topic for that job, waiting up to ten seconds */
	Event await(String topic, String jobId) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (System.nanoTime() < deadline) {
			Event event = events.poll(100, TimeUnit.MILLISECONDS);
			if (event != null && event.getTopic().equals(topic)
					&& jobId.equals(event.getProperty(DeferredJobEvents.JOB_ID))) {
				return event;
			}
		}
		throw new AssertionError("no " + topic + " event for job " + jobId + " within ten seconds");
	}

	boolean drain() {
		return engine.drain(Duration.ofSeconds(10));
	}

	@Override
	public void close() {
		if (engine != null) {
			engine.stop();
			engineSpool.close();
		}
	}
}
