package camera.hal.v4l2.internal.discovery;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.log.Logger;

import camera.api.CameraErrorCode;
import camera.api.CameraException;
import camera.api.hal.FrameSink;
import camera.api.hal.HalCaptureRequest;
import camera.api.hal.HalDevice;
import camera.api.hal.HalProfile;
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
 * the camera, captures a burst, meets a busy device and a device unplugged mid-capture, all through the HAL's
 * classes over the real system calls. Each scenario's calls are recorded as a trace for the replay tests.
 * Writes {@code verdict} (PASS or FAIL) and the traces to the results directory.
 */
public final class VividProbe {
	private static final CaptureSettings SETTINGS = new CaptureSettings(4, 4, 8, Duration.ofSeconds(3), Duration.ofSeconds(3));
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

	public static void main(String[] arguments) throws IOException {
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

	private void run() throws IOException {
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
}
