package camera.runtime.internal.process;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The process the platform runs in, and how it ends. The bnd launcher of the exported jar calls a
 * {@code main.thread} {@link Callable} on the JVM's main thread and, when it returns, stops the framework, waits
 * for it and exits with the returned status; without one it exits 117 whenever the framework stops by itself.
 * This component is that callable: it returns once the framework is stopping, however that began (Gogo's
 * end of input or Ctrl-D, {@code stop 0}, {@code exit [status]}, SIGTERM), with the status {@code exit} asked
 * for, 0 otherwise. For a JVM that exits some other way ({@code System.exit}, SIGINT, SIGHUP) a shutdown hook
 * stops the framework and waits for it, bounded, so that every component deactivates and the media library
 * checkpoints its database. Stopping this bundle alone does not stop the platform.
 * <p>
 * {@code exit} is registered in Gogo's own {@code gogo} scope: the stock shell profile searches that scope
 * first, so {@code exit} finds this command before {@code system:exit}, which is {@code System.exit} and would
 * leave the Gogo shell's thread blocked while the framework stops.
 */
@Component(service = Callable.class, immediate = true, property = { "main.thread=true",
		"osgi.command.scope=gogo", "osgi.command.function=exit" })
public final class PlatformProcess implements Callable<Integer> {
	private static final long STOP_TIMEOUT_MILLIS = TimeUnit.SECONDS.toMillis(30);
	private static final Signal TERM = new Signal("TERM");

	private final Framework framework;
	private final AtomicInteger exitStatus = new AtomicInteger();
	private final CountDownLatch stopping = new CountDownLatch(1);
	private final Thread shutdownHook = new Thread(this::stopBeforeTheJvmExits, "darkroom: stop on JVM exit");
	private final SignalHandler previousTermHandler;

	@Reference(service = LoggerFactory.class)
	private Logger log;

	@Activate
	public PlatformProcess(BundleContext context) {
		this.framework = (Framework) context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
		Runtime.getRuntime().addShutdownHook(shutdownHook);
		// SIGTERM stops the framework like `exit 0`, so that it exits 0 rather than with the JVM's 143.
		this.previousTermHandler = Signal.handle(TERM, signal -> stop(0));
	}

	/** Called by the launcher on the main thread: waits until the platform stops. */
	@Override
	public Integer call() throws InterruptedException {
		stopping.await();
		return exitStatus.get();
	}

	@Descriptor("stops the platform and exits with status 0")
	public void exit() {
		stop(0);
	}

	@Descriptor("stops the platform and exits with the given status")
	public void exit(@Descriptor("the process's exit status, 0 to 255") int status) {
		stop(status);
	}

	@Deactivate
	void deactivate() {
		Signal.handle(TERM, previousTermHandler);
		try {
			Runtime.getRuntime().removeShutdownHook(shutdownHook);
		} catch (IllegalStateException jvmAlreadyExiting) {
			// the hook is running or about to: it is what stops the framework
		}
		if ((framework.getState() & Bundle.STOPPING) != 0) {
			stopping.countDown();
		} else {
			// only this bundle stops: the launcher keeps waiting, and exits 117 when the framework stops
			log.warn("camera.runtime stopped while the platform runs: the process no longer knows its exit status");
		}
	}

	private void stop(int status) {
		exitStatus.set(status);
		log.info("stopping the platform, exit status {}", status);
		try {
			framework.stop(); // returns at once: the framework stops on a thread of its own
		} catch (BundleException e) {
			log.error("the framework did not stop", e);
		}
	}

	private void stopBeforeTheJvmExits() {
		if ((framework.getState() & (Bundle.STARTING | Bundle.ACTIVE)) == 0) {
			return;
		}
		try {
			framework.stop();
			framework.waitForStop(STOP_TIMEOUT_MILLIS);
		} catch (BundleException e) {
			log.error("the framework did not stop before the JVM exit", e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
