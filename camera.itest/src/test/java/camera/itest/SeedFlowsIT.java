package camera.itest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import camera.api.CameraDevice;
import camera.api.CameraInput;
import camera.api.CameraManager;
import camera.api.CaptureStartInfo;
import camera.api.DeferredDeliveryImageType;
import camera.api.DeferredJob;
import camera.api.DeferredJobEvents;
import camera.api.DeferredProcessing;
import camera.api.JobPriority;
import camera.api.JobState;
import camera.api.Photo;
import camera.api.PhotoOutput;
import camera.api.PhotoSession;
import camera.api.Profile;
import camera.api.SceneMode;
import camera.api.hal.RawFrame;
import camera.develop.PhotoDeveloper;
import camera.develop.RgbImage;
import media.library.AssetQuery;
import media.library.DeliveryMode;
import media.library.ImageFileType;
import media.library.MediaAssetChangeRequest;
import media.library.MediaAssetDataHandler;
import media.library.MediaAssetManager;
import media.library.MediaLibraryErrorCode;
import media.library.MediaLibraryEvents;
import media.library.MediaLibraryException;
import media.library.MediaQuality;
import media.library.PhotoAccessHelper;
import media.library.PhotoAsset;
import media.library.RequestOptions;
import media.library.ResourceType;

/**
 * The flows of the source documents end to end, written as an application uses the API: processing method 2 of
 * seed 000 (the app requests the image, processes it and saves its own), a photo whose phase 2 cannot succeed,
 * and image requests that raise and lower their job.
 */
@ExtendWith({ BundleContextExtension.class, ServiceExtension.class })
class SeedFlowsIT {
	private static final long WAIT_SECONDS = 60;
	private static final String STORAGE_CONDITION = "camera.deferred.condition.storage";

	@InjectService(timeout = 20_000)
	CameraManager cameras;
	@InjectService(timeout = 20_000)
	PhotoAccessHelper library;
	@InjectService(timeout = 20_000)
	MediaAssetManager assets;
	@InjectService(timeout = 20_000)
	DeferredProcessing deferred;
	@InjectService(timeout = 20_000)
	PhotoDeveloper platformDeveloper;
	@InjectService(timeout = 20_000)
	ConfigurationAdmin configurations;
	@InjectBundleContext
	BundleContext context;

	private final List<PhotoSession> sessions = new ArrayList<>();
	private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

	@AfterEach
	void cleanUp() throws Exception {
		sessions.forEach(PhotoSession::release);
		registrations.forEach(ServiceRegistration::unregister);
		configurations.getConfiguration(STORAGE_CONDITION, "?").delete();
		eventually("storage health holds again",
				() -> Boolean.TRUE.equals(deferred.stats().conditions().get("storage-health")));
	}

	// ---------------------------------------------------------------- what an application does

	/** @return the asset {@code photoAssetAvailable} delivered for one capture, not saved yet */
	private PhotoAsset capturePendingPhoto() throws Exception {
		CompletableFuture<PhotoAsset> delivered = new CompletableFuture<>();
		PhotoOutput output = startOutput(o -> {
			o.onPhotoAssetAvailable(delivered::complete);
			o.onError(delivered::completeExceptionally);
		});
		output.capture();
		return delivered.get(WAIT_SECONDS, TimeUnit.SECONDS);
	}

	/** @return the photo output of a started session on sim-back's smallest profile, configured before commit */
	private PhotoOutput startOutput(Consumer<PhotoOutput> beforeCommit) {
		CameraDevice camera = cameras.getSupportedCameras()
			.stream()
			.filter(c -> c.cameraId().equals("sim-back"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no sim-back among " + cameras.getSupportedCameras()));
		Profile smallest = cameras.getSupportedOutputCapability(camera, SceneMode.NORMAL_PHOTO)
			.photoProfiles()
			.stream()
			.min(Comparator.comparingLong(p -> p.size().pixels()))
			.orElseThrow();
		PhotoSession session = cameras.createSession(SceneMode.NORMAL_PHOTO);
		sessions.add(session);
		CameraInput input = cameras.createCameraInput(camera);
		input.open();
		PhotoOutput output = cameras.createPhotoOutput(smallest);
		session.beginConfig();
		session.addInput(input);
		session.addOutput(output);
		beforeCommit.accept(output);
		session.commitConfig();
		session.start();
		return output;
	}

	private PhotoAsset captureSavedPhoto() throws Exception {
		return library.applyChanges(
				new MediaAssetChangeRequest(capturePendingPhoto()).saveCameraPhoto(ImageFileType.JPEG));
	}

	/** An image request's deliveries, in order, as {@code onDataPrepared} and {@code onError} report them. */
	private static final class Deliveries implements MediaAssetDataHandler<byte[]> {
		record Delivery(byte[] data, MediaQuality quality, MediaLibraryException error) {
		}

		private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();

		@Override
		public void onDataPrepared(byte[] data, MediaQuality quality) {
			deliveries.add(new Delivery(data, quality, null));
		}

		@Override
		public void onError(MediaLibraryException error) {
			deliveries.add(new Delivery(null, null, error));
		}

		Delivery next() throws InterruptedException {
			Delivery delivery = deliveries.poll(WAIT_SECONDS, TimeUnit.SECONDS);
			if (delivery == null) {
				throw new AssertionError("the image request delivered nothing within " + WAIT_SECONDS + " s");
			}
			return delivery;
		}
	}

	private Deliveries request(PhotoAsset asset, DeliveryMode mode) {
		Deliveries deliveries = new Deliveries();
		assets.requestImageData(asset, new RequestOptions(mode), deliveries);
		return deliveries;
	}

	/** The app's own processing of an image, as seed 000 does between requesting it and saving it: inverted. */
	private static byte[] processed(byte[] jpeg) throws IOException {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
		BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				out.setRGB(x, y, ~image.getRGB(x, y) & 0xFFFFFF);
			}
		}
		ByteArrayOutputStream encoded = new ByteArrayOutputStream();
		ImageIO.write(out, "jpg", encoded);
		return encoded.toByteArray();
	}

	// ---------------------------------------------------------------- what the test arranges around it

	/**
	 * Holds every job back (the storage condition fails, without room even for one job at a time), so that the
	 * photo's job waits for the test.
	 */
	private void holdJobs() throws Exception {
		String noDiskHasThat = Long.toString(Long.MAX_VALUE >> 20);
		configurations.getConfiguration(STORAGE_CONDITION, "?").update(new Hashtable<>(
				Map.of("minFreeMegabytes", noDiskHasThat, "minFreeForOneJobMegabytes", noDiskHasThat)));
		eventually("storage health blocks jobs",
				() -> Boolean.FALSE.equals(deferred.stats().conditions().get("storage-health")));
	}

	/** Phase 2 fails every attempt from now on: a developer ranked above the platform's, failing developFull. */
	private void failPhaseTwo() throws Exception {
		assertThat(deferred.drain(Duration.ofSeconds(WAIT_SECONDS))).isTrue();
		PhotoDeveloper delegate = platformDeveloper;
		PhotoDeveloper failing = new PhotoDeveloper() {
			@Override
			public RgbImage developFast(RawFrame frame) {
				return delegate.developFast(frame);
			}

			@Override
			public RgbImage developFull(List<RawFrame> burst) {
				throw new IllegalStateException("the test's developer fails every full development");
			}

			@Override
			public RgbImage renderReference(RawFrame linearReference) {
				return delegate.renderReference(linearReference);
			}
		};
		Dictionary<String, Object> properties = new Hashtable<>();
		properties.put(Constants.SERVICE_RANKING, 200);
		registrations.add(context.registerService(PhotoDeveloper.class, failing, properties));
	}

	/** Runs the queued jobs now, as an idle machine would (a drain waives the CPU and thermal conditions). */
	private void developWhateverTheMachineLoad() {
		assertThat(deferred.drain(Duration.ofSeconds(WAIT_SECONDS))).isTrue();
	}

	private BlockingQueue<Event> events(String topics) {
		BlockingQueue<Event> events = new LinkedBlockingQueue<>();
		Dictionary<String, Object> properties = new Hashtable<>();
		properties.put(EventConstants.EVENT_TOPIC, topics);
		registrations.add(context.registerService(EventHandler.class, events::add, properties));
		return events;
	}

	private static Event next(BlockingQueue<Event> events, String topic, String key, Object value)
			throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
		while (System.nanoTime() < deadline) {
			Event event = events.poll(1, TimeUnit.SECONDS);
			if (event != null && event.getTopic().equals(topic) && value.equals(event.getProperty(key))) {
				return event;
			}
		}
		throw new AssertionError("no " + topic + " with " + key + "=" + value + " within " + WAIT_SECONDS + " s");
	}

	private Optional<DeferredJob> job(String jobId) {
		return deferred.jobs().stream().filter(j -> j.jobId().equals(jobId)).findFirst();
	}

	private static void eventually(String what, BooleanSupplier check) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
		while (!check.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError(what + " did not happen within " + WAIT_SECONDS + " s");
			}
			Thread.sleep(50);
		}
	}

	// ---------------------------------------------------------------- the flows

	/** Seed 000, processing method 2: request the image, process it, save the app's own as the photo. */
	@Nested
	class AppProcessedImage {
		@Test
		void theAppsImageSavedInOneRequestBecomesTheFullPhotoAndItsJobGoes() throws Exception {
			holdJobs();
			BlockingQueue<Event> jobEvents = events(DeferredJobEvents.TOPIC_PREFIX + "*");
			PhotoAsset asset = capturePendingPhoto();
			String jobId = asset.deferredJobId();
			byte[] mine = processed(request(asset, DeliveryMode.FAST_MODE).next().data());

			PhotoAsset saved = library.applyChanges(new MediaAssetChangeRequest(asset)
				.addResource(ResourceType.IMAGE_RESOURCE, mine)
				.saveCameraPhoto(ImageFileType.JPEG));

			assertThat(saved.quality()).isEqualTo(MediaQuality.FULL);
			assertThat(saved.pending()).isFalse();
			assertThat(saved.deferredJob()).isEmpty();
			assertThat(request(saved, DeliveryMode.FAST_MODE).next().data()).isEqualTo(mine);
			next(jobEvents, DeferredJobEvents.TOPIC_CANCELLED, DeferredJobEvents.JOB_ID, jobId);
			assertThat(job(jobId)).isEmpty();
		}

		@Test
		void theAppsImageAddedThenSavedInTwoRequestsBecomesThePhoto() throws Exception {
			holdJobs();
			PhotoAsset asset = capturePendingPhoto();
			byte[] mine = processed(request(asset, DeliveryMode.FAST_MODE).next().data());

			library.applyChanges(new MediaAssetChangeRequest(asset).addResource(ResourceType.IMAGE_RESOURCE, mine));
			PhotoAsset saved = library.applyChanges(new MediaAssetChangeRequest(asset).saveCameraPhoto(ImageFileType.JPEG));

			assertThat(saved.quality()).isEqualTo(MediaQuality.FULL);
			assertThat(library.getAssets(AssetQuery.all())).extracting(PhotoAsset::id).contains(saved.id());
			assertThat(request(saved, DeliveryMode.FAST_MODE).next().data()).isEqualTo(mine);
		}

		@Test
		void aWaitingHighQualityRequestReceivesTheAppsImage() throws Exception {
			holdJobs();
			PhotoAsset asset = captureSavedPhoto();
			Deliveries waiting = request(asset, DeliveryMode.HIGH_QUALITY_MODE);
			byte[] mine = processed(request(asset, DeliveryMode.FAST_MODE).next().data());

			library.applyChanges(new MediaAssetChangeRequest(asset)
				.addResource(ResourceType.IMAGE_RESOURCE, mine)
				.saveCameraPhoto(ImageFileType.JPEG));

			Deliveries.Delivery delivery = waiting.next();
			assertThat(delivery.quality()).isEqualTo(MediaQuality.FULL);
			assertThat(delivery.data()).isEqualTo(mine);
		}
	}

	/** A photo whose phase 2 cannot succeed keeps its FAST image as its final photo, and says why. */
	@Nested
	class PhaseTwoThatCannotSucceed {
		@Test
		void theFastImageBecomesFinalWithAnEventAndAReason() throws Exception {
			failPhaseTwo();
			BlockingQueue<Event> libraryEvents = events(MediaLibraryEvents.TOPIC_FINALIZED);
			PhotoAsset asset = captureSavedPhoto();

			developWhateverTheMachineLoad();
			Event finalized = next(libraryEvents, MediaLibraryEvents.TOPIC_FINALIZED, MediaLibraryEvents.ASSET_ID,
					asset.id());

			assertThat(finalized.getProperty(MediaLibraryEvents.REASON)).asString().isNotBlank();
			PhotoAsset now = library.getAsset(asset.uri()).orElseThrow();
			assertThat(now.quality()).isEqualTo(MediaQuality.FAST);
			assertThat(now.deferredJob()).isEmpty();
			assertThat(now.finalised()).contains((String) finalized.getProperty(MediaLibraryEvents.REASON));
			eventually("the job is listed in ERROR",
					() -> job(asset.deferredJobId()).map(DeferredJob::state).orElse(null) == JobState.ERROR);
			assertThat(job(asset.deferredJobId())).map(DeferredJob::error).contains(now.finalReason());
		}

		@Test
		void aWaitingHighQualityRequestReceivesTheFastImage() throws Exception {
			failPhaseTwo();
			PhotoAsset asset = captureSavedPhoto();

			Deliveries.Delivery delivery = request(asset, DeliveryMode.HIGH_QUALITY_MODE).next();

			assertThat(delivery.error()).isNull();
			assertThat(delivery.quality()).isEqualTo(MediaQuality.FAST);
		}

		@Test
		void laterRequestsInEveryModeSucceedWithTheFastImage() throws Exception {
			failPhaseTwo();
			BlockingQueue<Event> libraryEvents = events(MediaLibraryEvents.TOPIC_FINALIZED);
			PhotoAsset asset = captureSavedPhoto();
			developWhateverTheMachineLoad();
			next(libraryEvents, MediaLibraryEvents.TOPIC_FINALIZED, MediaLibraryEvents.ASSET_ID, asset.id());

			for (DeliveryMode mode : DeliveryMode.values()) {
				Deliveries.Delivery delivery = request(asset, mode).next();
				assertThat(delivery.error()).as(mode.name()).isNull();
				assertThat(delivery.quality()).as(mode.name()).isEqualTo(MediaQuality.FAST);
			}
		}
	}

	/** {@code deferImageDelivery(NONE)} before {@code commitConfig}: the output delivers in a single phase. */
	@Nested
	class OptingOutOfDeferredDelivery {
		@Test
		void anOutputThatDefersNoneDeliversAFullPhotoThoughItListensForAssets() throws Exception {
			BlockingQueue<Object> delivered = new LinkedBlockingQueue<>();
			PhotoOutput output = startOutput(o -> {
				o.onPhotoAssetAvailable(delivered::add);
				o.onPhotoAvailable(delivered::add);
				o.onError(delivered::add);
				o.deferImageDelivery(DeferredDeliveryImageType.NONE);
			});

			output.capture();

			assertThat(delivered.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isInstanceOfSatisfying(Photo.class,
					photo -> assertThat(photo.quality()).isEqualTo(MediaQuality.FULL));
			assertThat(output.isDeferredImageDeliveryEnabled(DeferredDeliveryImageType.PHOTO)).isFalse();
		}
	}

	/** Calls an application may make twice or get wrong: harmless, or a documented error code. */
	@Nested
	class HarmlessCalls {
		@Test
		void savingASavedPhotoAgainChangesNothing() throws Exception {
			PhotoAsset saved = captureSavedPhoto();

			PhotoAsset again = library.applyChanges(new MediaAssetChangeRequest(saved).saveCameraPhoto(ImageFileType.JPEG));

			assertThat(again.id()).isEqualTo(saved.id());
			assertThat(again.pending()).isFalse();
		}

		@Test
		void discardingASavedPhotoKeepsIt() throws Exception {
			PhotoAsset saved = captureSavedPhoto();

			library.applyChanges(new MediaAssetChangeRequest(saved).discardCameraPhoto());

			assertThat(library.getAsset(saved.uri())).isPresent();
		}

		@Test
		void requestOptionsWithoutADeliveryModeAreAnInvalidArgument() {
			assertThatThrownBy(() -> new RequestOptions(null))
				.isInstanceOfSatisfying(MediaLibraryException.class,
						e -> assertThat(e.errorCode()).isEqualTo(MediaLibraryErrorCode.INVALID_ARGUMENT));
		}
	}

	/** The capture status events of seed 001. */
	@Nested
	class CaptureStatus {
		@Test
		void captureStartWithInfoCarriesAnEstimatedCaptureTime() throws Exception {
			BlockingQueue<CaptureStartInfo> started = new LinkedBlockingQueue<>();
			PhotoOutput output = startOutput(o -> {
				o.onCaptureStartWithInfo(started::add);
				o.onPhotoAssetAvailable(asset -> {
				});
			});

			int id = output.capture();

			CaptureStartInfo info = started.poll(WAIT_SECONDS, TimeUnit.SECONDS);
			assertThat(info).isNotNull();
			assertThat(info.captureId()).isEqualTo(id);
			assertThat(info.time()).isPositive();
		}
	}

	/** The first waiting request raises the photo's job; the last cancel lowers it again. */
	@Nested
	class RequestsThatReachProcessing {
		@Test
		void aHighQualityRequestRaisesTheJobAndItsCancelLowersItBack() throws Exception {
			holdJobs();
			PhotoAsset asset = captureSavedPhoto();
			String jobId = asset.deferredJobId();
			String requestId = assets.requestImageData(asset, new RequestOptions(DeliveryMode.HIGH_QUALITY_MODE),
					new Deliveries());
			eventually("the job is raised", () -> job(jobId).map(DeferredJob::priority).orElse(null) == JobPriority.HIGH);

			assertThat(assets.cancelRequest(requestId)).isTrue();

			eventually("the job is lowered",
					() -> job(jobId).map(DeferredJob::priority).orElse(null) == JobPriority.NORMAL);
		}

		@Test
		void theJobStaysRaisedWhileAnotherRequestWaits() throws Exception {
			holdJobs();
			PhotoAsset asset = captureSavedPhoto();
			String jobId = asset.deferredJobId();
			// Registered after the capture: EventAdmin picks handlers when an event is posted, so the capture's own
			// PENDING event never reaches this one.
			BlockingQueue<Event> jobEvents = events(DeferredJobEvents.TOPIC_PENDING);
			String first = assets.requestImageData(asset, new RequestOptions(DeliveryMode.HIGH_QUALITY_MODE),
					new Deliveries());
			String second = assets.requestImageData(asset, new RequestOptions(DeliveryMode.BALANCE_MODE),
					new Deliveries());
			assertThat(next(jobEvents, DeferredJobEvents.TOPIC_PENDING, DeferredJobEvents.JOB_ID, jobId)
				.getProperty(DeferredJobEvents.PRIORITY)).isEqualTo("HIGH");

			assets.cancelRequest(first);
			library.trash(List.of(asset));

			// The library tells the engine in order: a lowering by the first cancel would come before the trash.
			assertThat(next(jobEvents, DeferredJobEvents.TOPIC_PENDING, DeferredJobEvents.JOB_ID, jobId)
				.getProperty(DeferredJobEvents.PRIORITY)).isEqualTo("LOW");
			assertThat(assets.cancelRequest(second)).isTrue();
		}

		@Test
		void cancellingAnUnknownOrFinishedRequestIsHarmless() throws Exception {
			PhotoAsset asset = captureSavedPhoto();
			Deliveries fast = new Deliveries();
			String finished = assets.requestImageData(asset, new RequestOptions(DeliveryMode.FAST_MODE), fast);
			fast.next();

			assertThat(assets.cancelRequest(finished)).isFalse();
			assertThat(assets.cancelRequest("no such request")).isFalse();
			assertThat(assets.cancelRequest(null)).isFalse();
		}
	}
}
