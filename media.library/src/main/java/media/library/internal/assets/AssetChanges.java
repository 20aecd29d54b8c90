package media.library.internal.assets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import media.library.AssetQuery;
import media.library.AssetUri;
import media.library.DisplayNames;
import media.library.MediaAssetChangeRequest;
import media.library.MediaLibraryErrorCode;
import media.library.MediaLibraryEvents;
import media.library.MediaLibraryException;
import media.library.MediaQuality;
import media.library.PhotoAsset;
import media.library.PhotoProxy;
import media.library.PhotoType;
import media.library.internal.deferred.DeferredJobs;
import media.library.internal.files.ExifDateTaken;
import media.library.internal.files.GeneratedNames;
import media.library.internal.files.StorageFailures;
import media.library.internal.requests.ImageRequests;
import media.library.internal.store.AssetRow;
import media.library.internal.store.AssetStore;
import media.library.internal.store.AssetStore.NewAsset;
import media.library.internal.store.AssetStore.SavedImage;
import media.library.internal.thumbnails.JpegImages;

/** What applications do to assets through {@link media.library.PhotoAccessHelper}. */
public final class AssetChanges {
	private static final String JPEG = "image/jpeg";

	private final AssetStore store;
	private final AssetLocks locks;
	private final AssetImages images;
	private final AssetRemoval removal;
	private final DeferredJobs jobs;
	private final ImageRequests requests;
	private final AssetEvents events;
	private final Clock clock;
	private final GeneratedNames names = new GeneratedNames();

	public AssetChanges(AssetStore store, AssetLocks locks, AssetImages images, AssetRemoval removal,
			DeferredJobs jobs, ImageRequests requests, AssetEvents events, Clock clock) {
		this.store = store;
		this.locks = locks;
		this.images = images;
		this.removal = removal;
		this.jobs = jobs;
		this.requests = requests;
		this.events = events;
		this.clock = clock;
	}

	public PhotoAsset create(String displayName) {
		DisplayNames.requireValid(displayName);
		Instant now = clock.instant();
		long id = store.insert(new NewAsset(displayName, JPEG, now, null, MediaQuality.FULL, null, false));
		return find(id);
	}

	public PhotoAsset create(PhotoType type, String extension) {
		if (type == null) {
			throw invalid("createAsset needs a photo type");
		}
		if (!DisplayNames.isImageExtension(extension)) {
			throw invalid("'" + extension + "' is not an image extension the library stores (jpg, jpeg)");
		}
		return create(names.generate(LocalDateTime.now(clock), extension.toLowerCase(Locale.ROOT)));
	}

	public Optional<PhotoAsset> get(String uri) {
		AssetUri parsed = AssetUri.parse(uri);
		return store.find(parsed.id())
			.filter(row -> row.displayName().equals(parsed.displayName()))
			.map(AssetRow::toPhotoAsset);
	}

	public Optional<PhotoAsset> get(long id) {
		return id <= 0 ? Optional.empty() : store.find(id).map(AssetRow::toPhotoAsset);
	}

	public List<PhotoAsset> list(AssetQuery query) {
		if (query == null) {
			throw invalid("getAssets needs a query");
		}
		return store.query(query).stream().map(AssetRow::toPhotoAsset).toList();
	}

	public PhotoAsset apply(MediaAssetChangeRequest request) {
		if (request == null) {
			throw invalid("applyChanges needs a request");
		}
		long id = request.asset().id();
		boolean carriesImage = request.imageBytes().isPresent() || request.imageFile().isPresent();
		boolean carriesProxy = request.photoProxy().isPresent();
		if (request.discards()) {
			requireNoResource(carriesImage || carriesProxy, "discarding a camera photo");
			return discard(id);
		}
		if (request.savedAs().isPresent()) {
			requireNoResource(carriesProxy, "saving a camera photo");
			return carriesImage ? replaceCameraImage(existing(id), request, true) : saveCameraPhoto(id);
		}
		if (carriesImage || carriesProxy) {
			return addImage(id, request);
		}
		throw invalid("the change request for asset " + id + " changes nothing");
	}

	public void trash(List<PhotoAsset> assets) {
		for (AssetRow row : store.setTrashed(idsOf(assets), true, clock.instant())) {
			if (row.quality() == MediaQuality.FAST && row.deferredJobId() != null) {
				jobs.removeImage(row.deferredJobId(), true);
			}
		}
	}

	public void restore(List<PhotoAsset> assets) {
		for (AssetRow row : store.setTrashed(idsOf(assets), false, clock.instant())) {
			if (row.quality() == MediaQuality.FAST && row.deferredJobId() != null) {
				jobs.restoreImage(row.deferredJobId());
			}
		}
	}

	public void deletePermanently(List<PhotoAsset> assets) {
		removal.remove(idsOf(assets), "was deleted");
	}

	/** A camera photo that is no longer pending (saved already, or an ordinary asset) is left as it is. */
	private PhotoAsset discard(long id) {
		AssetRow row = existing(id);
		if (!row.pending()) {
			return row.toPhotoAsset();
		}
		return removal.remove(List.of(id), "was discarded").getFirst().toPhotoAsset();
	}

	/** A camera photo that is no longer pending (saved already, or an ordinary asset) is left as it is. */
	private PhotoAsset saveCameraPhoto(long id) {
		if (!store.markSaved(id, clock.instant())) {
			return existing(id).toPhotoAsset();
		}
		AssetRow saved = existing(id);
		events.post(MediaLibraryEvents.TOPIC_SAVED, saved);
		return saved.toPhotoAsset();
	}

	/**
	 * The application's own image of a camera photo (seed 000, processing method 2) becomes the photo, FULL and
	 * final: it replaces the image in place, atomically; the pending deferred job is cancelled for good; requests
	 * waiting for the FULL image receive this one; the capture time its EXIF states, if any, becomes the asset's.
	 */
	private PhotoAsset replaceCameraImage(AssetRow row, MediaAssetChangeRequest request, boolean save) {
		if (!row.hasImage()) {
			if (!save) {
				throw unsupported("asset " + row.uri() + " has no image to replace");
			}
			addImage(row.id(), request);
			return saveCameraPhoto(row.id());
		}
		Optional<byte[]> bytes = request.imageBytes();
		AssetRow before;
		if (bytes.isPresent()) {
			byte[] data = bytes.get();
			JpegImages.Size size = JpegImages.probe(data);
			before = images.replaceWithAppImage(row, (files, target) -> files.stage(target, data),
					new SavedImage(size.width(), size.height(), data.length), ExifDateTaken.of(data).orElse(null), save,
					clock.instant());
		} else {
			Path file = request.imageFile().orElseThrow();
			JpegImages.Size size = JpegImages.probe(file);
			Instant dateTaken = ExifDateTaken.of(file).orElse(null);
			before = images.replaceWithAppImage(row, (files, target) -> files.stage(target, file),
					new SavedImage(size.width(), size.height(), sizeOf(file)), dateTaken, save, clock.instant());
		}
		if (before.quality() == MediaQuality.FAST && before.deferredJobId() != null) {
			jobs.removeImage(before.deferredJobId(), false);
		}
		requests.finalImageReady(row.id());
		images.refreshThumbnailLater(row.id());
		AssetRow after = existing(row.id());
		if (before.quality() != after.quality()) {
			events.post(MediaLibraryEvents.TOPIC_QUALITY_CHANGED, after);
		}
		if (before.pending() && !after.pending()) {
			events.post(MediaLibraryEvents.TOPIC_SAVED, after);
		}
		return after.toPhotoAsset();
	}

	private PhotoAsset addImage(long id, MediaAssetChangeRequest request) {
		AssetRow current = existing(id);
		boolean carriesImage = request.imageBytes().isPresent() || request.imageFile().isPresent();
		if (carriesImage && current.hasImage() && (current.pending() || current.quality() == MediaQuality.FAST)) {
			return replaceCameraImage(current, request, false);
		}
		AssetRow saved = locks.writing(id, () -> {
			AssetRow row = existing(id);
			if (row.hasImage() || row.pending()) {
				throw unsupported("asset " + row.uri() + " already has an image");
			}
			Optional<PhotoProxy> proxy = request.photoProxy();
			if (proxy.isPresent()) {
				return saveProxy(row, proxy.get());
			}
			Optional<byte[]> bytes = request.imageBytes();
			if (bytes.isPresent()) {
				JpegImages.Size size = JpegImages.probe(bytes.get());
				images.writeFirst(row, bytes.get());
				return recordImage(row, new SavedImage(size.width(), size.height(), bytes.get().length), MediaQuality.FULL,
						null, ExifDateTaken.of(bytes.get()).orElse(null));
			}
			Path file = request.imageFile().orElseThrow();
			JpegImages.Size size = JpegImages.probe(file);
			Instant dateTaken = ExifDateTaken.of(file).orElse(null);
			images.writeFirst(row, file);
			return recordImage(row, new SavedImage(size.width(), size.height(), sizeOf(file)), MediaQuality.FULL, null,
					dateTaken);
		});
		images.refreshThumbnailLater(id);
		events.post(MediaLibraryEvents.TOPIC_SAVED, saved);
		return saved.toPhotoAsset();
	}

	private AssetRow saveProxy(AssetRow row, PhotoProxy proxy) {
		String jobId = proxy.photoId();
		byte[] data = proxy.imageData();
		if (jobId == null || jobId.isBlank() || data == null || data.length == 0) {
			throw invalid("the photo proxy lacks a job id or an image");
		}
		if (proxy.width() <= 0 || proxy.height() <= 0) {
			throw invalid("the photo proxy has no image size");
		}
		JpegImages.probe(data);
		SavedImage image = new SavedImage(proxy.width(), proxy.height(), data.length);
		Instant dateTaken = ExifDateTaken.of(data).orElse(null);
		if (proxy.quality() == MediaQuality.FULL) {
			images.writeFirst(row, data);
			return recordImage(row, image, MediaQuality.FULL, null, dateTaken);
		}
		store.findByJob(jobId).ifPresent(other -> {
			throw unsupported("deferred job " + jobId + " already belongs to asset " + other.uri());
		});
		images.writeFirst(row, data);
		return recordImage(row, image, MediaQuality.FAST, jobId, dateTaken);
	}

	/**
	 * Records a written first image, with the capture time its EXIF states ({@code dateTaken}, may be null) when
	 * the asset has none yet, removing the file again when the database refuses.
	 */
	private AssetRow recordImage(AssetRow row, SavedImage image, MediaQuality quality, String jobId,
			Instant dateTaken) {
		try {
			if (!store.attachImage(row.id(), image, quality, jobId, dateTaken, clock.instant())) {
				throw unsupported("asset " + row.uri() + " got an image from elsewhere");
			}
		} catch (MediaLibraryException e) {
			images.deleteFiles(row.id());
			throw e;
		}
		return existing(row.id());
	}

	private AssetRow existing(long id) {
		return store.find(id).orElseThrow(() -> new MediaLibraryException(MediaLibraryErrorCode.NOT_FOUND,
				"asset " + id + " does not exist"));
	}

	private PhotoAsset find(long id) {
		return existing(id).toPhotoAsset();
	}

	private static long sizeOf(Path file) {
		try {
			return Files.size(file);
		} catch (IOException e) {
			throw StorageFailures.of("reading the size of " + file.getFileName(), e);
		}
	}

	private static List<Long> idsOf(List<PhotoAsset> assets) {
		if (assets == null || assets.stream().anyMatch(Objects::isNull)) {
			throw invalid("the list of assets is missing or holds null");
		}
		return assets.stream().map(PhotoAsset::id).distinct().toList();
	}

	private static void requireNoResource(boolean carriesResource, String doing) {
		if (carriesResource) {
			throw unsupported(doing + " cannot also add a resource");
		}
	}

	private static MediaLibraryException invalid(String message) {
		return new MediaLibraryException(MediaLibraryErrorCode.INVALID_ARGUMENT, message);
	}

	private static MediaLibraryException unsupported(String message) {
		return new MediaLibraryException(MediaLibraryErrorCode.OPERATION_NOT_SUPPORTED, message);
	}
}
