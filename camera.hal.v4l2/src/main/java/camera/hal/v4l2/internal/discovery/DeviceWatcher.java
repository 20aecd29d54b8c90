package camera.hal.v4l2.internal.discovery;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

import org.osgi.service.log.Logger;

import camera.hal.v4l2.internal.camera.CameraProbe;
import camera.hal.v4l2.internal.camera.CaptureSettings;
import camera.hal.v4l2.internal.camera.V4l2Camera;
import camera.hal.v4l2.internal.device.VideoDevice;
import camera.hal.v4l2.internal.syscall.SyscallException;
import camera.hal.v4l2.internal.syscall.Syscalls;

/**
 * Keeps the set of registered cameras equal to the capture devices present: each {@link #rescan()} probes new
 * nodes and removes cameras whose node disappeared. A camera whose device is lost during a capture is removed
 * on the watcher's executor (not on the capturing thread, which may be inside the framework) and probed
 * afresh by the next scan if its node is still there.
 */
final class DeviceWatcher {

	/** Publishes a camera; the returned action withdraws it. */
	interface Registrar {
		Runnable register(V4l2Camera camera);
	}

	private record Registered(V4l2Camera camera, Runnable unregister) {
	}

	private final Syscalls syscalls;
	private final Supplier<Set<String>> nodes;
	private final Supplier<CaptureSettings> settings;
	private final Registrar registrar;
	private final Executor executor;
	private final Logger log;
	private final Map<String, Registered> cameras = new HashMap<>();
	/** Nodes that are not capture devices (metadata nodes, output devices): probed once while they exist. */
	private final Set<String> ignored = new HashSet<>();
	/** Nodes whose probe failed, so the failure is logged once and retried quietly by later scans. */
	private final Set<String> failing = new HashSet<>();
	private boolean stopped;

	DeviceWatcher(Syscalls syscalls, Supplier<Set<String>> nodes, Supplier<CaptureSettings> settings,
			Registrar registrar, Executor executor, Logger log) {
		this.syscalls = syscalls;
		this.nodes = nodes;
		this.settings = settings;
		this.registrar = registrar;
		this.executor = executor;
		this.log = log;
	}

	synchronized void rescan() {
		if (stopped) {
			return;
		}
		Set<String> present = nodes.get();
		for (String path : List.copyOf(cameras.keySet())) {
			if (!present.contains(path)) {
				log.info("V4L2 device {} disappeared", path);
				remove(path);
			}
		}
		ignored.retainAll(present);
		failing.retainAll(present);
		for (String path : present) {
			if (!cameras.containsKey(path) && !ignored.contains(path)) {
				probe(path).ifPresent(camera -> {
					cameras.put(path, new Registered(camera, registrar.register(camera)));
					log.info("V4L2 camera {} on {} registered with {} profiles", camera.info().id(), path,
							camera.capabilities().profiles().size());
				});
			}
		}
	}

	/** Withdraws and retires every camera; later scans do nothing. */
	synchronized void stop() {
		stopped = true;
		for (String path : List.copyOf(cameras.keySet())) {
			remove(path);
		}
	}

	private Optional<V4l2Camera> probe(String path) {
		try (VideoDevice device = VideoDevice.open(syscalls, path)) {
			Optional<CameraProbe.Probed> probed = CameraProbe.probe(device);
			failing.remove(path);
			if (probed.isEmpty()) {
				ignored.add(path);
				return Optional.empty();
			}
			return Optional.of(new V4l2Camera(syscalls, path, probed.get(), settings, this::lost, log));
		} catch (SyscallException e) {
			if (failing.add(path)) {
				log.warn("V4L2 device {} cannot be probed now, retrying on each scan: {}", path, e.getMessage());
			}
			return Optional.empty();
		}
	}

	private void lost(V4l2Camera camera) {
		try {
			executor.execute(() -> removeLost(camera));
		} catch (RejectedExecutionException e) {
			// The HAL is stopping: stop() withdraws every camera, this one included.
			log.debug("V4L2 camera {} lost while the HAL stops", camera.info().id());
		}
	}


	private synchronized void removeLost(V4l2Camera camera) {
		Registered registered = cameras.get(camera.path());
		if (registered != null && registered.camera() == camera) {
			log.warn("V4L2 camera {} lost its device {} during a capture", camera.info().id(), camera.path());
			remove(camera.path());
		}
	}

	private void remove(String path) {
		Registered registered = cameras.remove(path);
		registered.unregister().run();
		registered.camera().retire();
	}
}
