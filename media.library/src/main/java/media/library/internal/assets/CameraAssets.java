package media.library.internal.assets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.log.Logger;

import media.library.ImageFileType;
import media.library.MediaLibraryErrorCode;
import media.library.MediaLibraryEvents;
import media.library.MediaLibraryException;
import media.library.MediaQuality;
import media.library.PhotoAsset;
import media.library.internal.files.GeneratedNames;
import media.library.internal.files.StorageFailures;
import media.library.internal.requests.ImageRequests;
import media.library.internal.store.AssetRow;
import media.library.internal.store.AssetStore;
import media.library.internal.store.AssetStore.NewAsset;
import media.library.internal.store.AssetStore.SavedImage;
import media.library.internal.thumbnails.JpegImages;
import media.library.processing.CameraPhoto;

/** What the camera does to assets through {@link media.library.processing.CameraPhotoStore}. */
public final class CameraAssets {
	private final AssetStore store;
	private final AssetLocks locks;
	private final AssetImages images;
	private final AssetRemoval removal;
	private final ImageRequests requests;
	private final AssetEvents events;
	private final Clock clock;
	private final Logger log;
	private final GeneratedNames names = new GeneratedNames();

	public CameraAssets(AssetStore store, AssetLocks locks, AssetImages images, AssetRemoval removal,
			ImageRequests requests, AssetEvents events, Clock clock, Logger log) {
		this.store = store;
		this.locks = locks;
		this.images = images;
		this.removal = removal;
		this.requests = requests;
		this.events = events;
		this.clock = clock;
		this.log = log;
	}

	/** Creates the pending FAST asset of a capture: a row first, then its file, then the row records the file. */
	public PhotoAsset create(CameraPhoto photo) {
		if (photo == null) {
			throw invalid("createCameraAsset needs a photo");
		}
		JpegImages.probe(photo.fastImage());
		store.findByJob(photo.jobId()).ifPresent(other -> {
			throw new MediaLibraryException(MediaLibraryErrorCode.OPERATION_NOT_SUPPORTED,
					"deferred job " + photo.jobId() + " already belongs to asset " + other.uri());
		});
		Instant now = clock.instant();
		String name = names.generate(LocalDateTime.ofInstant(photo.dateTaken(), ZoneId.systemDefault()),
				ImageFileType.JPEG.extension());
		long id = store.insert(new NewAsset(name, ImageFileType.JPEG.mimeType(), now, photo.dateTaken(),
				MediaQuality.FAST, photo.jobId(), true));
		AssetRow saved = locks.writing(id, () -> {
			AssetRow row = store.find(id).orElseThrow();
			try {
				images.writeFirst(row, photo.fastImage());
				store.attachImage(id, new SavedImage(photo.width(), photo.height(), photo.fastImage().length),
						MediaQuality.FAST, photo.jobId(), null, now);
			} catch (MediaLibraryException e) {
				undoCreate(id, e);
				throw e;
			}
			return store.find(id).orElseThrow();
		});
		images.refreshThumbnailLater(id);
		return saved.toPhotoAsset();
	}

	/** Replaces the FAST image of the job's asset by the FULL one; see {@link AssetImages#replace}. */
	public Optional<PhotoAsset> complete(String jobId, Path fullImage, int width, int height) {
		if (jobId == null || fullImage == null || width <= 0 || height <= 0) {
			throw invalid("completeDeferredPhoto needs a job id, an image file and a size");
		}
		JpegImages.probe(fullImage);
		Optional<AssetRow> before = images.replace(jobId, fullImage, new SavedImage(width, height, sizeOf(fullImage)),
				clock.instant());
		if (before.isEmpty()) {
			log.info("Deferred job {} completed, but no FAST asset holds it any more", jobId);
			return Optional.empty();
		}
		long id = before.get().id();
		requests.finalImageReady(id);
		images.refreshThumbnailLater(id);
		Optional<AssetRow> after = store.find(id);
		after.ifPresent(row -> events.post(MediaLibraryEvents.TOPIC_QUALITY_CHANGED, row));
		return after.map(AssetRow::toPhotoAsset);
	}

	/**
	 * The job of an asset can never complete: its FAST image becomes the final one, with the reason recorded and
	 * announced; requests waiting for the FULL image receive the FAST one.
	 */
	public Optional<PhotoAsset> fail(String jobId, String reason) {
		if (jobId == null) {
			throw invalid("failDeferredPhoto needs a job id");
		}
		String why = reason == null || reason.isBlank() ? "the deferred job could not succeed" : reason;
		Optional<AssetRow> before = store.finalizeFast(jobId, why, clock.instant());
		if (before.isEmpty()) {
			return Optional.empty();
		}
		long id = before.get().id();
		log.warn("Deferred job {} of asset {} cannot succeed: {}; its FAST image is final", jobId,
				before.get().uri(), why);
		requests.finalImageReady(id);
		Optional<AssetRow> after = store.find(id);
		after.ifPresent(row -> events.post(MediaLibraryEvents.TOPIC_FINALIZED,
				Map.of(MediaLibraryEvents.ASSET_URI, row.uri(), MediaLibraryEvents.ASSET_ID, row.id(),
						MediaLibraryEvents.QUALITY, row.quality().name(), MediaLibraryEvents.REASON, why)));
		return after.map(AssetRow::toPhotoAsset);
	}

	public Optional<PhotoAsset> findByJob(String jobId) {
		if (jobId == null) {
			throw invalid("findByJob needs a job id");
		}
		return store.findByJob(jobId).map(AssetRow::toPhotoAsset);
	}

	/**
	 * Removes camera assets nobody saved, and assets that never got an image, older than the timeout; their jobs
	 * are cancelled.
	 *
	 * @return how many were removed
	 */
	public int removeExpired(Duration timeout) {
		List<AssetRow> expired = store.unfinishedBefore(clock.instant().minus(timeout));
		int removed = 0;
		for (AssetRow row : expired) {
			try {
				removal.remove(List.of(row.id()), "was never saved");
				removed++;
				log.info("Removed asset {}, not saved within {}", row.uri(), timeout);
			} catch (MediaLibraryException e) {
				log.warn("Removing unsaved asset {} failed: {}", row.uri(), e.getMessage());
			}
		}
		return removed;
	}

	private void undoCreate(long id, MediaLibraryException cause) {
		try {
			store.delete(List.of(id));
		} catch (MediaLibraryException e) {
			cause.addSuppressed(e);
			log.error("Asset {} could not be removed after its image failed to save; it expires later", id, e);
		}
		images.deleteFiles(id);
	}

	private static long sizeOf(Path file) {
		try {
			return Files.size(file);
		} catch (IOException e) {
			throw StorageFailures.of("reading the size of " + file.getFileName(), e);
		}
	}

	private static MediaLibraryException invalid(String message) {
		return new MediaLibraryException(MediaLibraryErrorCode.INVALID_ARGUMENT, message);
	}
}
