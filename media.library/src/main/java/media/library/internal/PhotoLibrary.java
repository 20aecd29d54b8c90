package media.library.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import media.library.AssetQuery;
import media.library.DataDirectory;
import media.library.DeliveryMode;
import media.library.MediaAssetChangeRequest;
import media.library.MediaAssetDataHandler;
import media.library.MediaAssetManager;
import media.library.MediaLibraryErrorCode;
import media.library.MediaLibraryException;
import media.library.MediaQuality;
import media.library.PhotoAccessHelper;
import media.library.PhotoAsset;
import media.library.PhotoType;
import media.library.RequestOptions;
import media.library.internal.assets.AssetChanges;
import media.library.internal.assets.AssetEvents;
import media.library.internal.assets.AssetImages;
import media.library.internal.assets.AssetLocks;
import media.library.internal.assets.AssetRemoval;
import media.library.internal.assets.CameraAssets;
import media.library.internal.assets.LibraryRecovery;
import media.library.internal.assets.LibrarySettings;
import media.library.internal.deferred.DeferredJobs;
import media.library.internal.files.LibraryPaths;
import media.library.internal.files.StorageFailures;
import media.library.internal.requests.ImageRequests;
import media.library.internal.store.AssetRow;
import media.library.internal.store.AssetStore;
import media.library.internal.store.LibraryDatabase;
import media.library.internal.thumbnails.JpegImages;
import media.library.processing.CameraPhoto;
import media.library.processing.CameraPhotoStore;
import media.library.processing.DeferredProcessingSession;

/**
 * The media library: one component behind the three library services, on SQLite and files under
 * {@code <data directory>/media} ({@link DataDirectory}). It owns a virtual-thread executor for reads and
 * handler calls, a thread making thumbnails, a thread for calls to the deferred processing session, and a
 * housekeeping thread that removes unsaved camera assets.
 */
@Component(service = { PhotoAccessHelper.class, MediaAssetManager.class, CameraPhotoStore.class },
		configurationPid = PhotoLibrary.PID)
@Designate(ocd = PhotoLibrary.Configuration.class)
public final class PhotoLibrary implements PhotoAccessHelper, MediaAssetManager, CameraPhotoStore {
	/** The configuration PID. */
	public static final String PID = "media.library";

	@ObjectClassDefinition(name = "Darkroom media library", description = "The photo library: assets on SQLite and files.")
	public @interface Configuration {
		@AttributeDefinition(name = "Pending timeout (seconds)", min = "1",
				description = "How long a camera photo the app has not saved (and an asset created without an image) "
						+ "is kept before it is removed and its deferred job cancelled.")
		long pendingTimeoutSeconds() default 600;

		@AttributeDefinition(name = "Thumbnail size (pixels)", min = "16", max = "4096",
				description = "The longest side of the thumbnail made for every saved image.")
		int thumbnailSize() default 256;

		@AttributeDefinition(name = "Database busy timeout (milliseconds)", min = "0",
				description = "How long an operation waits for a database locked by another process before it fails "
						+ "with BUSY.")
		int databaseBusyTimeoutMillis() default 5000;
	}

	private final Logger log;
	private final Clock clock;
	private final DataDirectory.Hold hold;
	private final LibraryDatabase database;
	private final AssetStore store;
	private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
	// Thumbnails are pixel work: one platform thread of their own, so that they never hold up deliveries.
	private final ExecutorService thumbnailer = Executors.newSingleThreadExecutor(
			Thread.ofPlatform().name("media-library-thumbnails").daemon().factory());
	private final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(
			Thread.ofPlatform().name("media-library-housekeeping").daemon().factory());
	private final DeferredJobs jobs;
	private final ImageRequests requests;
	private final AssetImages images;
	private final AssetChanges changes;
	private final CameraAssets camera;
	private volatile LibrarySettings settings;
	private volatile DeferredProcessingSession session;
	private volatile EventAdmin eventAdmin;
	private ScheduledFuture<?> expiry;

	@Activate
	public PhotoLibrary(BundleContext context, Configuration configuration,
			@Reference(service = LoggerFactory.class) Logger log) {
		this(DataDirectory.of(context), settingsOf(configuration), log, Clock.systemUTC());
	}

	/** Opens the library in {@code <dataDirectory>/media}: migrates the database and recovers the files. */
	public PhotoLibrary(Path dataDirectory, LibrarySettings settings, Logger log, Clock clock) {
		this.log = log;
		this.clock = clock;
		this.settings = settings;
		LibraryPaths paths = new LibraryPaths(dataDirectory);
		this.hold = DataDirectory.hold(dataDirectory);
		try {
			createRoot(paths);
			this.database = LibraryDatabase.open(paths.database(), settings.busyTimeout());
		} catch (RuntimeException e) {
			hold.close();
			throw e;
		}
		this.store = new AssetStore(database);
		AssetLocks locks = new AssetLocks();
		AssetEvents events = this::post;
		this.jobs = new DeferredJobs(() -> session, log);
		this.images = new AssetImages(paths, store, locks, thumbnailer, () -> this.settings.thumbnailSize(), log);
		this.requests = new ImageRequests(images, background, this::noneWaiting, log);
		AssetRemoval removal = new AssetRemoval(store, locks, images, requests, jobs, events);
		this.changes = new AssetChanges(store, locks, images, removal, jobs, requests, events, clock);
		this.camera = new CameraAssets(store, locks, images, removal, requests, events, clock, log);
		try {
			new LibraryRecovery(paths, store, log).recover();
		} catch (RuntimeException e) {
			close();
			throw e;
		}
		scheduleExpiry();
		log.info("Media library open in {}", paths.root());
	}

	@Modified
	void modified(Configuration configuration) {
		LibrarySettings changed = settingsOf(configuration);
		settings = changed;
		database.setBusyTimeout(changed.busyTimeout());
		scheduleExpiry();
	}

	@Deactivate
	public void close() {
		housekeeping.shutdownNow();
		requests.cancelAll();
		jobs.close();
		stop(thumbnailer, "Thumbnails were still being made");
		stop(background, "Image deliveries were still running");
		try {
			database.close();
		} finally {
			hold.close();
		}
	}

	private void stop(ExecutorService executor, String stillRunning) {
		executor.shutdown();
		try {
			if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
				log.warn("{} when the media library stopped", stillRunning);
				executor.shutdownNow();
				executor.awaitTermination(5, TimeUnit.SECONDS);
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			executor.shutdownNow();
		}
	}

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
			policyOption = ReferencePolicyOption.GREEDY)
	void bindSession(DeferredProcessingSession bound) {
		session = bound;
		jobs.synchronize(bound, store::withPendingJobs, this::requestedJobs);
	}

	void unbindSession(DeferredProcessingSession unbound) {
		if (session == unbound) {
			session = null;
		}
	}

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
			policyOption = ReferencePolicyOption.GREEDY)
	void bindEventAdmin(EventAdmin bound) {
		eventAdmin = bound;
	}

	void unbindEventAdmin(EventAdmin unbound) {
		if (eventAdmin == unbound) {
			eventAdmin = null;
		}
	}

	/** Removes unsaved camera assets older than the pending timeout; run by the housekeeping thread. */
	int removeExpiredAssets() {
		return camera.removeExpired(settings.pendingTimeout());
	}

	// PhotoAccessHelper

	@Override
	public PhotoAsset createAsset(String displayName) {
		return changes.create(displayName);
	}

	@Override
	public PhotoAsset createAsset(PhotoType type, String extension) {
		return changes.create(type, extension);
	}

	@Override
	public Optional<PhotoAsset> getAsset(String uri) {
		return changes.get(uri);
	}

	@Override
	public Optional<PhotoAsset> getAssetById(long id) {
		return changes.get(id);
	}

	@Override
	public List<PhotoAsset> getAssets(AssetQuery query) {
		return changes.list(query);
	}

	@Override
	public PhotoAsset applyChanges(MediaAssetChangeRequest request) {
		return changes.apply(request);
	}

	@Override
	public void trash(List<PhotoAsset> assets) {
		changes.trash(assets);
	}

	@Override
	public void restore(List<PhotoAsset> assets) {
		changes.restore(assets);
	}

	@Override
	public void deletePermanently(List<PhotoAsset> assets) {
		changes.deletePermanently(assets);
	}

	@Override
	public byte[] getThumbnail(PhotoAsset asset) {
		if (asset == null) {
			throw new MediaLibraryException(MediaLibraryErrorCode.INVALID_ARGUMENT, "getThumbnail needs an asset");
		}
		return images.thumbnail(asset.id());
	}

	// MediaAssetManager

	@Override
	public String requestImageData(PhotoAsset asset, RequestOptions options, MediaAssetDataHandler<byte[]> handler) {
		return request(asset, options, handler, Function.identity());
	}

	@Override
	public String requestImage(PhotoAsset asset, RequestOptions options,
			MediaAssetDataHandler<BufferedImage> handler) {
		return request(asset, options, handler, data -> JpegImages.decode(data, 1));
	}

	@Override
	public boolean cancelRequest(String requestId) {
		return requests.cancel(requestId);
	}

	private <T> String request(PhotoAsset asset, RequestOptions options, MediaAssetDataHandler<T> handler,
			Function<byte[], T> form) {
		if (asset == null || options == null || handler == null) {
			throw new MediaLibraryException(MediaLibraryErrorCode.INVALID_ARGUMENT,
					"an image request needs an asset, options and a handler");
		}
		AssetRow row = images.withImage(asset.id());
		DeliveryMode mode = options.deliveryMode();
		ImageRequests.Started started = requests.start(row.id(), mode, handler, form);
		if (started.firstWaiting() && row.deferredJobId() != null) {
			jobs.processImage(row.deferredJobId());
		}
		return started.id();
	}

	/**
	 * The last request waiting on an asset was cancelled: its job, if it still has one, is no longer asked for; a
	 * trashed asset's job goes back to low priority.
	 */
	private void noneWaiting(long assetId) {
		try {
			store.find(assetId)
				.filter(row -> row.quality() == MediaQuality.FAST && row.deferredJobId() != null)
				.ifPresent(row -> {
					if (row.trashed()) {
						jobs.removeImage(row.deferredJobId(), true);
					} else {
						jobs.cancelProcessImage(row.deferredJobId());
					}
				});
		} catch (MediaLibraryException e) {
			log.warn("The job of asset {} could not be lowered after its last request was cancelled: {}", assetId,
					e.getMessage());
		}
	}

	// CameraPhotoStore

	@Override
	public PhotoAsset createCameraAsset(CameraPhoto photo) {
		return camera.create(photo);
	}

	@Override
	public Optional<PhotoAsset> completeDeferredPhoto(String jobId, Path fullImage, int width, int height) {
		return camera.complete(jobId, fullImage, width, height);
	}

	@Override
	public Optional<PhotoAsset> failDeferredPhoto(String jobId, String reason) {
		return camera.fail(jobId, reason);
	}

	@Override
	public Optional<PhotoAsset> findByJob(String jobId) {
		return camera.findByJob(jobId);
	}

	private Collection<String> requestedJobs() {
		return requests.waitingAssets()
			.stream()
			.flatMap(id -> store.find(id).stream())
			.map(AssetRow::deferredJobId)
			.filter(jobId -> jobId != null)
			.toList();
	}

	private void post(String topic, Map<String, Object> properties) {
		EventAdmin admin = eventAdmin;
		if (admin != null) {
			admin.postEvent(new Event(topic, properties));
		}
	}

	private synchronized void scheduleExpiry() {
		if (expiry != null) {
			expiry.cancel(false);
		}
		long periodMillis = Math.clamp(settings.pendingTimeout().toMillis() / 4, 1_000, 60_000);
		expiry = housekeeping.scheduleWithFixedDelay(this::removeExpiredSafely, periodMillis, periodMillis,
				TimeUnit.MILLISECONDS);
	}

	private void removeExpiredSafely() {
		try {
			removeExpiredAssets();
		} catch (RuntimeException e) {
			log.error("Removing unsaved camera assets failed; retried at the next round", e);
		}
	}

	private static LibrarySettings settingsOf(Configuration configuration) {
		return new LibrarySettings(Duration.ofSeconds(configuration.pendingTimeoutSeconds()),
				configuration.thumbnailSize(), Duration.ofMillis(configuration.databaseBusyTimeoutMillis()));
	}

	private static void createRoot(LibraryPaths paths) {
		try {
			Files.createDirectories(paths.root());
		} catch (IOException e) {
			throw StorageFailures.of("creating the library folder " + paths.root(), e);
		}
	}
}
