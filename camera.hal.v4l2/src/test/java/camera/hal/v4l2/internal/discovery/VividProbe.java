package camera.hal.v4l2.internal.discovery;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.service.log.Logger;

import camera.api.CameraErrorCode;
import camera.api.CameraException;
import camera.api.hal.FrameLease;
import camera.api.hal.FrameSink;
import camera.api.hal.HalCaptureRequest;
import camera.api.hal.HalDevice;
import camera.api.hal.HalProfile;
import camera.api.hal.HalStream;
import camera.api.hal.HalStreamRequest;
import camera.api.hal.PixelFormat;
import camera.api.hal.RawFrame;
import camera.hal.v4l2.internal.camera.CameraProbe;
import camera.hal.v4l2.internal.camera.CaptureSettings;
import camera.hal.v4l2.internal.camera.V4l2Camera;
import camera.hal.v4l2.internal.device.RecordingSyscalls;
import camera.hal.v4l2.internal.device.VideoDevice;
import camera.hal.v4l2.internal.syscall.NativeSyscalls;
import camera.hal.v4l2.internal.syscall.Syscalls;

/**
 * Runs inside the QEMU guest against the kernel's vivid driver (see src/test/qemu/run-vivid-test.sh): discovers
 * the camera, captures a burst, streams into the mapped buffers, meets a busy device and a device unplugged
 * mid-capture, all through the HAL's classes over the real system calls. Each scenario's calls but the stream's
 * (whose order depends on threads) are recorded as a trace for the replay tests.
 * Writes {@code verdict} (PASS or FAIL) and the traces to the results directory.
 */
public final class VividProbe {
	private static final CaptureSettings SETTINGS = new CaptureSettings(4, 4, 8, Duration.ofSeconds(3),
			Duration.ofSeconds(3));
	private static final Path VIVID_DRIVER = Path.of("/sys/bus/platform/drivers/vivid");

	private final Syscalls real = new NativeSyscalls();
	private final Path results;
	private final String node;
	private final List<String> failures = new ArrayList<>();
	private final Logger log = ConsoleLogger.create();

	private VividProbe(String node, Path results) {
		this.node = node;
		this.results = results;
	}

	public static void main(String[] arguments) throws IOException, InterruptedException {
		VividProbe probe = new VividProbe(arguments[0], Path.of(arguments[1]));
		try {
			probe.run();
		} catch (RuntimeException e) {
			e.printStackTrace(System.out);
			probe.failures.add("unexpected " + e);
		}
		String verdict = probe.failures.isEmpty() ? "PASS" : "FAIL";
		probe.failures.forEach(failure -> System.out.println("FAILED: " + failure));
		Files.writeString(probe.results.resolve("verdict"), verdict + "\n");
		System.out.println(verdict);
	}

	private void run() throws IOException, InterruptedException {
		Map<String, V4l2Camera> registered = new ConcurrentHashMap<>();
		DeviceWatcher watcher;
		try (PrintWriter trace = trace("vivid-discovery")) {
			watcher = new DeviceWatcher(new RecordingSyscalls(real, trace), new DeviceNodes(glob()), () -> SETTINGS,
					camera -> {
						registered.put(camera.path(), camera);
						return () -> registered.remove(camera.path());
					}, Runnable::run, log);
			watcher.rescan();
		}
		V4l2Camera discovered = registered.get(node);
		check(discovered != null, "vivid's " + node + " registered as a camera");
		if (discovered == null) {
			return;
		}
		System.out.println("camera " + discovered.info());
		List<HalProfile> profiles = discovered.capabilities().profiles();
		profiles.forEach(profile -> System.out.println("  profile " + profile));
		HalProfile smallest = profiles.stream().filter(p -> p.format() == PixelFormat.YUYV)
				.min((a, b) -> Long.compare(a.size().pixels(), b.size().pixels())).orElse(null);
		check(smallest != null, "vivid offers YUYV");
		if (smallest == null) {
			return;
		}
		CameraProbe.Probed probed;
		try (VideoDevice device = VideoDevice.open(real, node)) {
			probed = CameraProbe.probe(device).orElseThrow();
		}
		captureBurst(probed, smallest);
		streamIntoMappedBuffers(probed, smallest);
		meetBusyDevice(probed, smallest);
		unplugDuringCapture(probed, smallest);
		watcher.rescan();
		check(registered.isEmpty(), "the unplugged camera was unregistered by the next scan");
	}

	private void captureBurst(CameraProbe.Probed probed, HalProfile profile) throws IOException {
		List<RawFrame> frames = new ArrayList<>();
		try (PrintWriter trace = trace("vivid-capture-yuyv")) {
			V4l2Camera camera = camera(probed, trace);
			try (HalDevice device = camera.open()) {
				device.capture(new HalCaptureRequest(1, profile.size(), profile.format(), 3), sink(frames, null));
			}
		}
		check(frames.size() == 3, "a burst of 3 frames was delivered, got " + frames.size());
		for (RawFrame frame : frames) {
			check(frame.data().remaining() == frame.stride() * frame.height() && frame.stride() == 2 * frame.width(),
					"a frame of " + frame.width() + "x" + frame.height() + " YUYV holds " + frame.data().remaining()
							+ " bytes with stride " + frame.stride());
			System.out.println("  frame starts " + HexFormat.of().formatHex(frame.data().array(), 0, 16));
		}
	}

	/**
	 * Streams with every buffer lent (the driver must drop, not the HAL block), then releasing as frames come, then
	 * closes with one lease held: that buffer must stay mapped and readable until its release, then be unmapped.
	 */
	private void streamIntoMappedBuffers(CameraProbe.Probed probed, HalProfile profile) throws InterruptedException {
		MappingCount mappings = new MappingCount(real);
		V4l2Camera camera = new V4l2Camera(mappings, node, probed, () -> SETTINGS,
				gone -> failures.add("camera lost unexpectedly"), log);
		BlockingQueue<FrameLease> leases = new LinkedBlockingQueue<>();
		FrameSink sink = new FrameSink() {
			@Override
			public void shutter(long timestampNanos) {
			}

			@Override
			public void frame(RawFrame frame) {
				failures.add("the stream delivered a frame it did not lend");
			}

			@Override
			public void frame(FrameLease lease) {
				leases.add(lease);
			}
		};
		int buffers = SETTINGS.streamBuffers();
		try (HalDevice device = camera.open()) {
			HalStream stream = device.stream(new HalStreamRequest(profile.size(), profile.format()), sink).orElse(null);
			check(stream != null, "vivid streams");
			if (stream == null) {
				return;
			}
			List<FrameLease> held = new ArrayList<>();
			for (FrameLease lease; held.size() < buffers && (lease = leases.poll(5, TimeUnit.SECONDS)) != null;) {
				held.add(lease);
			}
			check(held.size() == buffers, "the stream lent all " + buffers + " buffers, got " + held.size());
			boolean inOrder = true;
			for (int i = 1; i < held.size(); i++) {
				inOrder &= held.get(i).frame().metadata().timestampNanos() > held.get(i - 1).frame().metadata()
						.timestampNanos();
			}
			check(inOrder, "the leases came in the order of their timestamps");
			RawFrame first = held.getFirst().frame();
			check(first.data().isDirect() && first.data().isReadOnly()
					&& first.data().remaining() == first.stride() * first.height(),
					"a lease is a read-only view of the mapped buffer, " + first.data().remaining() + " bytes");
			check(leases.poll(1, TimeUnit.SECONDS) == null, "no frame arrives while every buffer is lent");
			held.forEach(FrameLease::release);
			int more = 0;
			for (FrameLease lease; more < 3 * buffers && (lease = leases.poll(5, TimeUnit.SECONDS)) != null; more++) {
				lease.release();
			}
			check(more == 3 * buffers, "frames keep coming once released: " + more + " more");
			System.out.println("  dropped while all were lent: " + stream.droppedFrames());
			check(stream.droppedFrames() > 0, "the frames vivid dropped while all were lent are counted");
			FrameLease kept = leases.poll(5, TimeUnit.SECONDS);
			check(kept != null, "a frame to hold across the close");
			if (kept == null) {
				return;
			}
			stream.close();
			for (FrameLease late; (late = leases.poll()) != null;) {
				late.release();
			}
			check(mappings.live() == 1, "the close unmapped every buffer but the lent one, " + mappings.live()
					+ " still mapped");
			ByteBuffer data = kept.frame().data();
			byte pixel = data.get(0);
			check(pixel != 0 || data.get(1) != 0, "the lent buffer stays readable after the close");
			kept.release();
			check(mappings.live() == 0, "its release unmapped it");
			boolean refused;
			try {
				data.get(0);
				refused = false;
			} catch (IllegalStateException e) {
				refused = true;
			}
			check(refused, "a view read after its buffer was unmapped throws instead of crashing the JVM");
		}
	}

	private void meetBusyDevice(CameraProbe.Probed probed, HalProfile profile) throws IOException {
		try (VideoDevice otherProcess = VideoDevice.open(real, node);
				PrintWriter trace = trace("vivid-busy")) {
			otherProcess.requestBuffers(2);
			V4l2Camera camera = camera(probed, trace);
			try (HalDevice device = camera.open()) {
				device.capture(new HalCaptureRequest(2, profile.size(), profile.format(), 1), sink(new ArrayList<>(), null));
				check(false, "a capture while another process streams fails");
			} catch (CameraException e) {
				System.out.println("  busy: " + e.getMessage());
				check(e.errorCode() == CameraErrorCode.CONFLICT_CAMERA, "a busy device gives CONFLICT_CAMERA, got "
						+ e.errorCode());
			}
			otherProcess.requestBuffers(0);
		}
	}

	private void unplugDuringCapture(CameraProbe.Probed probed, HalProfile profile) throws IOException {
		List<RawFrame> frames = new ArrayList<>();
		boolean[] lost = { false };
		try (PrintWriter trace = trace("vivid-unplug")) {
			V4l2Camera camera = new V4l2Camera(new RecordingSyscalls(real, trace), node, probed, () -> SETTINGS,
					gone -> lost[0] = true, log);
			try (HalDevice device = camera.open()) {
				device.capture(new HalCaptureRequest(3, profile.size(), profile.format(), 4), sink(frames, VIVID_DRIVER));
				check(false, "a capture whose device is unplugged fails");
			} catch (CameraException e) {
				System.out.println("  unplugged: " + e.getMessage());
				check(e.errorCode() == CameraErrorCode.DEVICE_DISABLED, "an unplugged device gives DEVICE_DISABLED, got "
						+ e.errorCode());
			}
		}
		check(frames.size() == 1, "the frame before the unplug was delivered, got " + frames.size());
		check(lost[0], "the camera reported its device lost");
	}

	private V4l2Camera camera(CameraProbe.Probed probed, PrintWriter trace) {
		return new V4l2Camera(new RecordingSyscalls(real, trace), node, probed, () -> SETTINGS,
				gone -> failures.add("camera lost unexpectedly"), log);
	}

	/** A sink that keeps the frames; with a driver, it unplugs vivid's device from it after the first frame. */
	private FrameSink sink(List<RawFrame> frames, Path driver) {
		return new FrameSink() {
			@Override
			public void shutter(long timestampNanos) {
				System.out.println("  shutter at " + timestampNanos);
			}

			@Override
			public void frame(RawFrame frame) {
				frames.add(frame);
				if (driver != null && frames.size() == 1) {
					try (var devices = Files.list(driver)) {
						String device = devices.map(path -> path.getFileName().toString())
								.filter(name -> name.startsWith("vivid")).findFirst().orElseThrow();
						System.out.println("  unbinding " + device);
						Files.writeString(driver.resolve("unbind"), device);
					} catch (IOException e) {
						throw new IllegalStateException("cannot unbind vivid", e);
					}
				}
			}
		};
	}

	private String glob() {
		return Path.of(node).getParent().resolve("video*").toString();
	}

	private PrintWriter trace(String name) throws IOException {
		PrintWriter trace = new PrintWriter(Files.newBufferedWriter(results.resolve(name + ".trace"),
				StandardCharsets.US_ASCII));
		trace.println("# " + name + ": recorded by VividProbe against the vivid driver of Linux "
				+ System.getProperty("os.version") + " in a QEMU guest (src/test/qemu/run-vivid-test.sh)");
		return trace;
	}

	private void check(boolean condition, String expectation) {
		System.out.println((condition ? "ok   " : "FAIL ") + expectation);
		if (!condition) {
			failures.add(expectation);
		}
	}

	/** Passes every call on, counting the buffers mapped and not unmapped yet. */
	private static final class MappingCount implements Syscalls {
		private final Syscalls real;
		private final AtomicInteger live = new AtomicInteger();

		MappingCount(Syscalls real) {
			this.real = real;
		}

		int live() {
			return live.get();
		}

		@Override
		public int open(String path, int flags) {
			return real.open(path, flags);
		}

		@Override
		public void close(int fd) {
			real.close(fd);
		}

		@Override
		public int ioctl(int fd, long request, MemorySegment argument) {
			return real.ioctl(fd, request, argument);
		}

		@Override
		public MemorySegment mmap(int fd, long length, long offset) {
			MemorySegment mapping = real.mmap(fd, length, offset);
			live.incrementAndGet();
			return mapping;
		}

		@Override
		public void munmap(MemorySegment mapping) {
			real.munmap(mapping);
			live.decrementAndGet();
		}

		@Override
		public short poll(int fd, short events, int timeoutMillis) {
			return real.poll(fd, events, timeoutMillis);
		}
	}
}
