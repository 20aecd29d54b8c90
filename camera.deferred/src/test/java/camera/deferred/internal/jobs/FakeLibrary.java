package camera.deferred.internal.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import media.library.MediaLibraryErrorCode;
import media.library.MediaLibraryException;
import media.library.MediaQuality;
import media.library.PhotoAsset;
import media.library.PhotoType;
import media.library.processing.CameraPhoto;
import media.library.processing.CameraPhotoStore;

/** An in-memory library: assets by job id, the FULL images it received and the failures it was told of. */
final class FakeLibrary implements CameraPhotoStore {
	private final AtomicInteger ids = new AtomicInteger();
	final Map<String, PhotoAsset> assetsByJob = new ConcurrentHashMap<>();
	final Map<String, byte[]> fullImages = new ConcurrentHashMap<>();
	final Map<String, String> failures = new ConcurrentHashMap<>();
	final Map<String, byte[]> rawImages = new ConcurrentHashMap<>();
	/** Jobs whose asset holds no FAST image any more when they fail (the app saved its own, or FULL already). */
	final Set<String> notFast = ConcurrentHashMap.newKeySet();
	final List<String> completions = java.util.Collections.synchronizedList(new ArrayList<>());
	volatile int replacementsToRefuse;

	/** Creates the FAST asset of a job, as the capture path does after the burst is committed. */
	PhotoAsset addAsset(String jobId) {
		int id = ids.incrementAndGet();
		PhotoAsset asset = new PhotoAsset(id, "file://media/Photo/" + id + "/IMG_" + id + ".jpg", "IMG_" + id + ".jpg",
				PhotoType.IMAGE, "image/jpeg", 8, 8, 10, Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, MediaQuality.FAST,
				jobId, false, false);
		assetsByJob.put(jobId, asset);
		return asset;
	}

	@Override
	public PhotoAsset createCameraAsset(CameraPhoto photo) {
		return addAsset(photo.jobId());
	}

	@Override
	public Optional<PhotoAsset> completeDeferredPhoto(String jobId, Path fullImage, int width, int height) {
		if (replacementsToRefuse > 0) {
			replacementsToRefuse--;
			throw new MediaLibraryException(MediaLibraryErrorCode.IO_ERROR, "disk said no");
		}
		PhotoAsset asset = assetsByJob.remove(jobId);
		if (asset == null) {
			return Optional.empty();
		}
		try {
			fullImages.put(jobId, Files.readAllBytes(fullImage));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		completions.add(jobId);
		return Optional.of(asset);
	}

	@Override
	public Optional<PhotoAsset> failDeferredPhoto(String jobId, String reason) {
		failures.put(jobId, reason);
		return notFast.contains(jobId) ? Optional.empty() : Optional.ofNullable(assetsByJob.get(jobId));
	}

	@Override
	public Optional<PhotoAsset> addRawImage(String jobId, Path dng) {
		PhotoAsset asset = assetsByJob.get(jobId);
		if (asset == null) {
			return Optional.empty();
		}
		try {
			rawImages.put(jobId, Files.readAllBytes(dng));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return Optional.of(asset);
	}

	@Override
	public Optional<PhotoAsset> findByJob(String jobId) {
		return Optional.ofNullable(assetsByJob.get(jobId));
	}
}
