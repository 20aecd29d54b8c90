package camera.hal.v4l2.internal.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.service.log.Logger;

/** The component on this machine, which has no camera: a node that is no V4L2 device is probed and left out. */
class V4l2HalTest {
	@TempDir
	Path dev;

	private final List<Object> registered = new ArrayList<>();
	private final CountDownLatch warned = new CountDownLatch(1);
	private final List<String> logged = new ArrayList<>();

	@Nested
	class Lifecycle {
		@Test
		void leavesOutANodeThatIsNoV4l2DeviceAndSaysWhy() throws Exception {
			Files.createFile(dev.resolve("video0"));
			V4l2Hal hal = new V4l2Hal(context(), config(Map.of("devices", dev.resolve("video*").toString())), logger());

			boolean scanned = warned.await(30, TimeUnit.SECONDS);
			hal.deactivate();

			assertThat(scanned).isTrue();
			assertThat(registered).isEmpty();
			assertThat(logged).anyMatch(line -> line.contains("video0") && line.contains("ENOTTY"));
		}

		@Test
		void stopsItsWatcherThreadWhenDeactivated() {
			V4l2Hal hal = new V4l2Hal(context(), config(Map.of("devices", dev.resolve("video*").toString())), logger());

			hal.deactivate();

			assertThat(Thread.getAllStackTraces().keySet())
					.noneMatch(thread -> thread.getName().equals("darkroom-v4l2-watcher") && thread.isAlive());
		}
	}

	private BundleContext context() {
		return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { BundleContext.class }, (proxy, method, arguments) -> {
					if (method.getName().equals("registerService")) {
						registered.add(arguments[1]);
					}
					return null;
				});
	}

	private Logger logger() {
		Logger keeping = ConsoleLogger.create(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()),
				logged);
		return (Logger) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Logger.class },
				(proxy, method, arguments) -> {
					Object result = method.invoke(keeping, arguments);
					if (method.getName().equals("warn")) {
						warned.countDown();
					}
					return result;
				});
	}

	/** The configuration's defaults, with some attributes overridden. */
	private static V4l2Hal.Config config(Map<String, Object> overrides) {
		return (V4l2Hal.Config) Proxy.newProxyInstance(V4l2Hal.Config.class.getClassLoader(),
				new Class<?>[] { V4l2Hal.Config.class }, (proxy, method, arguments) -> {
					if (overrides.containsKey(method.getName())) {
						return overrides.get(method.getName());
					}
					Object value = method.getDefaultValue();
					return value != null ? value : method.getName().equals("toString") ? "config" : null;
				});
	}
}
