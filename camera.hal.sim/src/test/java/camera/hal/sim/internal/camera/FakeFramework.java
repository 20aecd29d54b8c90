package camera.hal.sim.internal.camera;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.log.Logger;

import camera.api.hal.HalCamera;
import camera.api.hal.SimulatedScene;

/**
 * Just enough of an OSGi framework to run a {@link SimulatedCamera} outside one: a bundle context that records
 * service registrations (the cameras, and their scenes apart), a logger that drops everything, and configurations built from the annotation's
 * defaults with some attributes overridden.
 */
final class FakeFramework {
	private final List<HalCamera> registered = new CopyOnWriteArrayList<>();
	private final List<SimulatedScene> scenes = new CopyOnWriteArrayList<>();
	private final Semaphore registrations = new Semaphore(0);
	private final Semaphore unregistrations = new Semaphore(0);

	BundleContext context() {
		return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { BundleContext.class },
				(proxy, method, args) -> {
					if (!method.getName().equals("registerService")) {
						throw new UnsupportedOperationException(method.getName());
					}
					if (args[1] instanceof SimulatedScene scene) {
						scenes.add(scene);
						return registration(scenes, scene, null);
					}
					HalCamera camera = (HalCamera) args[1];
					registered.add(camera);
					registrations.release();
					return registration(registered, camera, unregistrations);
				});
	}

	/** @return the scenes registered now */
	List<SimulatedScene> scenes() {
		return List.copyOf(scenes);
	}

	/** @return the cameras registered now */
	List<HalCamera> registered() {
		return List.copyOf(registered);
	}

	/** Waits for registrations beyond those already awaited; fails the test instead of hanging. */
	void awaitRegistrations(int count) throws InterruptedException {
		if (!registrations.tryAcquire(count, 10, TimeUnit.SECONDS)) {
			throw new AssertionError("the camera did not register " + count + " time(s)");
		}
	}

	/** Waits for unregistrations beyond those already awaited; fails the test instead of hanging. */
	void awaitUnregistrations(int count) throws InterruptedException {
		if (!unregistrations.tryAcquire(count, 10, TimeUnit.SECONDS)) {
			throw new AssertionError("the camera did not unregister " + count + " time(s)");
		}
	}

	/** @param unregistered released on each unregistration, or {@code null} */
	private <T> ServiceRegistration<?> registration(List<T> services, T service, Semaphore unregistered) {
		return (ServiceRegistration<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { ServiceRegistration.class }, (proxy, method, args) -> {
					if (!method.getName().equals("unregister")) {
						throw new UnsupportedOperationException(method.getName());
					}
					if (!services.remove(service)) {
						throw new IllegalStateException("unregistered twice");
					}
					if (unregistered != null) {
						unregistered.release();
					}
					return null;
				});
	}

	static Logger logger() {
		return (Logger) Proxy.newProxyInstance(FakeFramework.class.getClassLoader(), new Class<?>[] { Logger.class },
				(proxy, method, args) -> method.getReturnType() == boolean.class ? false
						: method.getReturnType() == String.class ? "test" : null);
	}

	/**
	 * @param overrides attribute method names (e.g. {@code fault_fail_capture}) and values
	 * @return a configuration with the defaults of the annotation except for the overrides; fast timing
	 */
	static SimulatedCamera.Configuration configuration(Map<String, Object> overrides) {
		Map<String, Object> values = new HashMap<>();
		values.put("profiles", new String[] { "64x48", "32x24" });
		values.put("exposure_ms", 0);
		values.put("readout_ms", 0);
		values.putAll(overrides);
		return (SimulatedCamera.Configuration) Proxy.newProxyInstance(FakeFramework.class.getClassLoader(),
				new Class<?>[] { SimulatedCamera.Configuration.class }, (proxy, method, args) -> {
					if (values.containsKey(method.getName())) {
						return values.get(method.getName());
					}
					if (method.getDefaultValue() == null) {
						throw new UnsupportedOperationException(method.getName());
					}
					return method.getDefaultValue();
				});
	}
}
