package camera.hal.v4l2.internal.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import camera.api.CameraErrorCode;
import camera.api.CameraException;
import camera.api.Size;
import camera.api.hal.FrameSink;
import camera.api.hal.HalCaptureRequest;
import camera.api.hal.HalDevice;
import camera.api.hal.PixelFormat;
import camera.api.hal.RawFrame;
import camera.hal.v4l2.internal.camera.CaptureSettings;
import camera.hal.v4l2.internal.camera.V4l2Camera;
import camera.hal.v4l2.internal.device.ReplayingSyscalls;

class DeviceWatcherTest {
	private static final CaptureSettings SETTINGS = new CaptureSettings(4, 4, 8, Duration.ofSeconds(3),
			Duration.ofSeconds(3));
	private final Set<String> nodes = new TreeSet<>();
	private final Map<String, V4l2Camera> registered = new LinkedHashMap<>();
	private final List<Runnable> removals = new ArrayList<>();
	private final List<String> logged = new ArrayList<>();
	private final Executor deferred = removals::add;

	private DeviceWatcher watcher(ReplayingSyscalls replay) {
		return new DeviceWatcher(replay, () -> Set.copyOf(nodes), () -> SETTINGS, camera -> {
			registered.put(camera.info().id(), camera);
			return () -> registered.remove(camera.info().id());
		}, deferred, ConsoleLogger.create(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), logged));
	}

	@Nested
	class Discovery {
		@Test
		void registersACameraForACaptureDeviceNode() {
			nodes.add("/dev/video0");
			DeviceWatcher watcher = watcher(ReplayingSyscalls.of("traces/vivid-discovery.trace"));

			watcher.rescan();

			assertThat(registered).containsOnlyKeys("v4l2-video0");
			assertThat(registered.get("v4l2-video0").path()).isEqualTo("/dev/video0");
		}

		@Test
		void leavesAKnownCameraAloneOnLaterScans() {
			nodes.add("/dev/video0");
			ReplayingSyscalls replay = ReplayingSyscalls.of("traces/vivid-discovery.trace");
			DeviceWatcher watcher = watcher(replay);
			watcher.rescan();

			watcher.rescan();

			assertThat(registered).containsOnlyKeys("v4l2-video0");
			assertThat(replay.finished()).isTrue();
		}

		@Test
		void unregistersAndRetiresTheCameraWhenItsNodeDisappears() {
			nodes.add("/dev/video0");
			DeviceWatcher watcher = watcher(ReplayingSyscalls.of("traces/vivid-discovery.trace"));
			watcher.rescan();
			V4l2Camera camera = registered.get("v4l2-video0");

			nodes.clear();
			watcher.rescan();

			assertThat(registered).isEmpty();
			assertThatThrownBy(camera::open).isInstanceOfSatisfying(CameraException.class,
					e -> assertThat(e.errorCode()).isEqualTo(CameraErrorCode.DEVICE_DISABLED));
		}
	}

	@Nested
	class Removal {
		@Test
		void removesACameraWhoseDeviceIsLostDuringACaptureOnTheWatcherThread() {
			nodes.add("/dev/video0");
			DeviceWatcher watcher = watcher(
					ReplayingSyscalls.of("traces/vivid-discovery.trace", "traces/vivid-unplug.trace"));
			watcher.rescan();
			V4l2Camera camera = registered.get("v4l2-video0");
			try (HalDevice device = camera.open()) {
				assertThatThrownBy(() -> device.capture(new HalCaptureRequest(1, new Size(320, 180), PixelFormat.YUYV,
						4), ignoring())).isInstanceOf(CameraException.class);
			}
			assertThat(registered).as("not removed on the capturing thread").isNotEmpty();

			removals.forEach(Runnable::run);

			assertThat(registered).isEmpty();
			assertThat(logged).anyMatch(line -> line.startsWith("WARN") && line.contains("lost its device"));
		}

		@Test
		void stoppingWithdrawsEveryCameraAndIgnoresLaterScans() {
			nodes.add("/dev/video0");
			DeviceWatcher watcher = watcher(ReplayingSyscalls.of("traces/vivid-discovery.trace"));
			watcher.rescan();

			watcher.stop();
			watcher.rescan();

			assertThat(registered).isEmpty();
		}
	}

	private static FrameSink ignoring() {
		return new FrameSink() {
			@Override
			public void shutter(long timestampNanos) {
			}

			@Override
			public void frame(RawFrame frame) {
			}
		};
	}
}
