package camera.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.osgi.util.tracker.ServiceTracker;

import camera.api.CameraErrorCode;
import camera.api.CameraException;
import camera.api.CameraManager;
import camera.api.DeferredProcessing;
import camera.api.hal.HalCamera;
import media.library.ImageFileType;
import media.library.MediaAssetChangeRequest;
import media.library.MediaQuality;
import media.library.PhotoAccessHelper;
import media.library.PhotoAsset;

/**
 * The simulated camera's bundle is stopped, updated and started again, several times, while an app keeps
 * capturing deferred photos and saving them. Every photo the app saved survives and reaches FULL; every capture
 * the swap interrupted ends in an error event rather than a hang; captures work again after each start; and the
 * old bundle revisions leave no thread and no class loader behind.
 */
@ExtendWith({ BundleContextExtension.class, ServiceExtension.class })
class SimHalHotSwapTest {
	private static final String CAMERA = "sim-back";
	private static final String HAL_BUNDLE = "camera.hal.sim";
	private static final int SWAP_CYCLES = 3;
	private static final long WAIT_SECONDS = 60;
	/** More than the log service keeps (Felix keeps 100 entries unless configured otherwise). */
	private static final int LOG_HISTORY_ENTRIES = 300;

	@InjectService(timeout = 20_000)
	CameraManager cameras;
	@InjectService(timeout = 20_000)
	PhotoAccessHelper library;
	@InjectService(timeout = 20_000)
	DeferredProcessing deferred;
	@InjectService(timeout = 20_000)
	LoggerFactory loggers;
	@InjectBundleContext
	BundleContext context;

	@Test
	void swappingTheSimulatedCameraUnderCaptureLoadLosesNoSavedPhotoAndLaterCapturesWork() throws Exception {
		Bundle hal = bundle(HAL_BUNDLE);
		awaitCamera();
		CaptureLoop load = new CaptureLoop();
		Thread app = Thread.ofPlatform().name("hot-swap-app").start(load);
		List<WeakReference<ClassLoader>> oldLoaders = new ArrayList<>();
		try {
			load.awaitSavedBeyond(0);
			for (int cycle = 0; cycle < SWAP_CYCLES; cycle++) {
				oldLoaders.add(new WeakReference<>(halClassLoader(hal)));
				hal.stop();
				hal.update();
				hal.start();
				awaitCamera();
				// later captures work: the app saves new photos from the new revision of the camera
				load.awaitSavedBeyond(load.saved.size() + 1);
			}
		} finally {
			load.stop();
			app.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
		}
		assertThat(app.isAlive()).as("the app's capture loop ended").isFalse();
		assertThat(load.failure).as("unexpected failure in the capture loop").isEmpty();
		assertThat(load.errors).as("interrupted captures end with a documented error")
			.allMatch(code -> code == CameraErrorCode.DEVICE_DISABLED || code == CameraErrorCode.SERVICE_FATAL_ERROR
					|| code == CameraErrorCode.SESSION_NOT_RUNNING);

		assertThat(deferred.drain(Duration.ofSeconds(WAIT_SECONDS * 2))).as("the deferred queue drained").isTrue();
		for (String uri : load.saved) {
			PhotoAsset asset = library.getAsset(uri).orElseThrow(() -> new AssertionError("saved photo lost: " + uri));
			assertThat(asset.quality()).as(uri).isEqualTo(MediaQuality.FULL);
		}

		refresh(hal);
		cycleLogHistory();
		assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
			.as("threads of the simulated camera: only the running revision's pool")
			.filteredOn(name -> name.startsWith("darkroom-sim-" + CAMERA + "-pixels-"))
			.hasSizeLessThanOrEqualTo(Runtime.getRuntime().availableProcessors());
		assertThat(collected(oldLoaders)).as("class loaders of the replaced revisions were collected").isTrue();
	}

	/**
	 * An app that captures deferred photos one after another and saves each asset it receives, starting a new
	 * session whenever the camera went away. It never waits forever: every capture ends in an asset or an error
	 * within the timeout, or the loop records a failure.
	 */
	private final class CaptureLoop implements Runnable {
		final List<String> saved = new CopyOnWriteArrayList<>();
		final List<CameraErrorCode> errors = new CopyOnWriteArrayList<>();
		final List<String> failure = new CopyOnWriteArrayList<>();
		private final AtomicInteger savedCount = new AtomicInteger();
		private volatile boolean running = true;

		@Override
		public void run() {
			DeferredCaptureSession session = null;
			while (running && failure.isEmpty()) {
				try {
					if (session == null) {
						session = DeferredCaptureSession.open(cameras, CAMERA);
					}
					captureOne(session);
				} catch (CameraException e) {
					errors.add(e.errorCode());
					if (session != null) {
						session.release();
						session = null;
					}
					pause();
				} catch (RuntimeException | InterruptedException e) {
					failure.add(e.toString());
				}
			}
			if (session != null) {
				session.release();
			}
		}

		private void captureOne(DeferredCaptureSession session) throws InterruptedException {
			int id = session.capture();
			Object outcome = session.nextOutcome(WAIT_SECONDS);
			if (outcome == null) {
				failure.add("capture " + id + " neither delivered an asset nor failed within " + WAIT_SECONDS + " s");
			} else if (outcome instanceof PhotoAsset asset) {
				PhotoAsset kept = library
					.applyChanges(new MediaAssetChangeRequest(asset).saveCameraPhoto(ImageFileType.JPEG));
				saved.add(kept.uri());
				savedCount.incrementAndGet();
				if (!session.awaitReady(WAIT_SECONDS)) {
					failure.add("capture " + id + " delivered an asset but no captureReady");
				}
			} else if (outcome instanceof CameraException error) {
				throw error;
			}
		}

		void awaitSavedBeyond(int count) throws InterruptedException {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
			while (savedCount.get() <= count) {
				if (!failure.isEmpty()) {
					throw new AssertionError("the capture loop failed: " + failure);
				}
				if (System.nanoTime() > deadline) {
					throw new AssertionError("no photo saved beyond " + count + " within " + WAIT_SECONDS
							+ " s; errors so far " + errors);
				}
				Thread.sleep(20);
			}
		}

		void stop() {
			running = false;
		}

		private void pause() {
			try {
				Thread.sleep(50);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				running = false;
			}
		}
	}

	private Bundle bundle(String symbolicName) {
		for (Bundle bundle : context.getBundles()) {
			if (symbolicName.equals(bundle.getSymbolicName())) {
				return bundle;
			}
		}
		throw new AssertionError("no bundle " + symbolicName);
	}

	private static ClassLoader halClassLoader(Bundle hal) throws ClassNotFoundException {
		return hal.loadClass("camera.hal.sim.internal.camera.SimulatedCamera").getClassLoader();
	}

	/** Lets the framework drop the replaced revisions, as a refresh after an update does. */
	private void refresh(Bundle hal) throws InterruptedException {
		CountDownLatch refreshed = new CountDownLatch(1);
		context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(hal), event -> {
			if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
				refreshed.countDown();
			}
		});
		assertThat(refreshed.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("refresh finished").isTrue();
		awaitCamera();
	}

	/**
	 * The log service keeps its latest entries, and an exception logged there holds, through its stack trace, the
	 * classes it passed through: a capture that failed during a swap keeps the old revision's class loader alive
	 * until newer entries push it out. Push them out, so that what remains is a real leak.
	 */
	private void cycleLogHistory() {
		Logger logger = loggers.getLogger(SimHalHotSwapTest.class);
		for (int entry = 0; entry < LOG_HISTORY_ENTRIES; entry++) {
			logger.warn("cycling the log history after a hot swap test ({}); not a problem", entry);
		}
	}

	private static boolean collected(List<WeakReference<ClassLoader>> loaders) throws InterruptedException {
		for (int attempt = 0; attempt < 50; attempt++) {
			System.gc();
			if (loaders.stream().allMatch(loader -> loader.get() == null)) {
				return true;
			}
			Thread.sleep(100);
		}
		return false;
	}

	private void awaitCamera() throws InterruptedException {
		ServiceTracker<HalCamera, HalCamera> tracker = new ServiceTracker<>(context, HalCamera.class, null);
		tracker.open();
		try {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
			while (cameras.getSupportedCameras().stream().noneMatch(c -> c.cameraId().equals(CAMERA))) {
				if (System.nanoTime() > deadline) {
					throw new AssertionError("camera " + CAMERA + " did not come back");
				}
				tracker.waitForService(200);
				Thread.sleep(20);
			}
		} finally {
			tracker.close();
		}
	}
}
