package camera.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import camera.api.CameraManager;
import camera.api.DeferredProcessing;
import camera.api.hal.RawFrame;
import camera.develop.PhotoDeveloper;
import camera.develop.RgbImage;
import media.library.ImageFileType;
import media.library.MediaAssetChangeRequest;
import media.library.MediaQuality;
import media.library.PhotoAccessHelper;
import media.library.PhotoAsset;

/**
 * The development service is a seam: a PhotoDeveloper registered with a higher ranking is what the capture path
 * and the engine use, at once and without a restart, and the bundle's own takes over again when it leaves.
 */
@ExtendWith({ BundleContextExtension.class, ServiceExtension.class })
class DevelopmentServiceIT {
	private static final long WAIT_SECONDS = 60;

	@InjectService(timeout = 20_000)
	CameraManager cameras;
	@InjectService(timeout = 20_000)
	PhotoAccessHelper library;
	@InjectService(timeout = 20_000)
	DeferredProcessing deferred;
	@InjectService(timeout = 20_000)
	PhotoDeveloper platformDeveloper;
	@InjectBundleContext
	BundleContext context;

	private DeferredCaptureSession session;
	private ServiceRegistration<PhotoDeveloper> registration;

	@AfterEach
	void cleanUp() {
		if (session != null) {
			session.release();
		}
		if (registration != null) {
			registration.unregister();
		}
	}

	/** Develops with the platform's developer and counts what it was asked to do. */
	private static final class CountingDeveloper implements PhotoDeveloper {
		final AtomicInteger fast = new AtomicInteger();
		final AtomicInteger full = new AtomicInteger();
		private final PhotoDeveloper delegate;

		CountingDeveloper(PhotoDeveloper delegate) {
			this.delegate = delegate;
		}

		@Override
		public RgbImage developFast(RawFrame frame) {
			fast.incrementAndGet();
			return delegate.developFast(frame);
		}

		@Override
		public RgbImage developFull(List<RawFrame> burst) {
			full.incrementAndGet();
			return delegate.developFull(burst);
		}

		@Override
		public RgbImage renderReference(RawFrame linearReference) {
			return delegate.renderReference(linearReference);
		}
	}

	private CountingDeveloper registerCountingDeveloper() {
		CountingDeveloper developer = new CountingDeveloper(platformDeveloper);
		Dictionary<String, Object> properties = new Hashtable<>();
		properties.put(Constants.SERVICE_RANKING, 100);
		registration = context.registerService(PhotoDeveloper.class, developer, properties);
		return developer;
	}

	private PhotoAsset takeDeferredPhoto() throws Exception {
		if (session != null) {
			session.release();
		}
		session = DeferredCaptureSession.open(cameras, "sim-back");
		session.capture();
		Object outcome = session.nextOutcome(WAIT_SECONDS);
		assertThat(outcome).isInstanceOf(PhotoAsset.class);
		return library.applyChanges(new MediaAssetChangeRequest((PhotoAsset) outcome)
			.saveCameraPhoto(ImageFileType.JPEG));
	}

	@Test
	void aHigherRankedDeveloperDevelopsBothPhasesOfTheNextPhoto() throws Exception {
		CountingDeveloper developer = registerCountingDeveloper();

		PhotoAsset asset = takeDeferredPhoto();
		assertThat(deferred.drain(Duration.ofSeconds(WAIT_SECONDS))).isTrue();

		assertThat(developer.fast.get()).isEqualTo(1);
		assertThat(developer.full.get()).isEqualTo(1);
		assertThat(library.getAsset(asset.uri()).orElseThrow().quality()).isEqualTo(MediaQuality.FULL);
	}

	@Test
	void whenTheHigherRankedDeveloperLeavesThePlatformsOwnDevelopsAgain() throws Exception {
		CountingDeveloper developer = registerCountingDeveloper();
		registration.unregister();
		registration = null;

		PhotoAsset asset = takeDeferredPhoto();
		assertThat(deferred.drain(Duration.ofSeconds(WAIT_SECONDS))).isTrue();

		assertThat(developer.fast.get() + developer.full.get()).isZero();
		assertThat(library.getAsset(asset.uri()).orElseThrow().quality()).isEqualTo(MediaQuality.FULL);
	}
}
