package media.library.internal.requests;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.osgi.service.log.Logger;

import media.library.DeliveryMode;
import media.library.MediaAssetDataHandler;
import media.library.MediaLibraryErrorCode;
import media.library.MediaLibraryException;
import media.library.MediaQuality;

/**
 * The image requests of {@link media.library.MediaAssetManager}: starts each by its delivery mode, keeps the ones
 * waiting for a FULL image, and ends them when that image arrives, the job fails or the asset goes away.
 */
public final class ImageRequests {
	private final ImageSource source;
	private final Executor executor;
	private final Logger log;
	private final AtomicLong sequence = new AtomicLong();
	private final Map<String, ImageRequest<?>> open = new ConcurrentHashMap<>();
	private final Map<Long, Set<ImageRequest<?>>> waitingByAsset = new ConcurrentHashMap<>();

	/** @param executor runs every read and handler call; it must not run them on the calling thread */
	public ImageRequests(ImageSource source, Executor executor, Logger log) {
		this.source = source;
		this.executor = executor;
		this.log = log;
	}

	/**
	 * Starts a request. The caller has checked that the asset exists.
	 *
	 * @param form turns the encoded file into what the handler takes
	 * @return the request id
	 */
	public <T> String start(long assetId, DeliveryMode mode, MediaAssetDataHandler<T> handler,
			Function<byte[], T> form) {
		String id = "request-" + sequence.incrementAndGet();
		ImageRequest<T> request = new ImageRequest<>(id, assetId, mode, handler, form, executor, log);
		open.put(id, request);
		if (mode != DeliveryMode.FAST_MODE) {
			// Registered before the first read, so that a FULL image arriving in between is not missed.
			waitingByAsset.compute(assetId, (k, requests) -> {
				Set<ImageRequest<?>> set = requests == null ? ConcurrentHashMap.newKeySet() : requests;
				set.add(request);
				return set;
			});
		}
		request.then(() -> first(request));
		return id;
	}

	private void first(ImageRequest<?> request) {
		if (request.hasEnded()) {
			return;
		}
		CurrentImage image;
		try {
			image = source.read(request.assetId());
		} catch (MediaLibraryException e) {
			finish(request, request.endNow(goneWhileWaiting(request, e)));
			return;
		}
		boolean full = image.quality() == MediaQuality.FULL;
		switch (request.mode()) {
			case FAST_MODE -> finish(request, request.deliverFinal(image));
			case HIGH_QUALITY_MODE -> {
				if (full) {
					finish(request, request.deliverFinal(image));
				} else if (!image.waitsForJob()) {
					finish(request, request.endNow(noFullImage(request)));
				}
			}
			case BALANCE_MODE -> {
				if (full) {
					finish(request, request.deliverFinal(image));
				} else {
					request.deliverIntermediate(image);
					if (!image.waitsForJob()) {
						finish(request, request.endNow(noFullImage(request)));
					}
				}
			}
		}
	}

	/** The FULL image of an asset is in place: every request waiting for it receives it. */
	public void fullImageReady(long assetId) {
		for (ImageRequest<?> request : waiting(assetId)) {
			request.then(() -> {
				try {
					CurrentImage image = source.read(assetId);
					if (image.quality() == MediaQuality.FULL) {
						finish(request, request.deliverFinal(image));
					}
				} catch (MediaLibraryException e) {
					finish(request, request.endNow(goneWhileWaiting(request, e)));
				}
			});
		}
	}

	/** Ends every request waiting on an asset with this error (job failed, asset deleted). */
	public void endWaiting(long assetId, MediaLibraryException error) {
		for (ImageRequest<?> request : waiting(assetId)) {
			request.end(error);
			forget(request);
		}
	}

	/** @return the ids of assets that requests wait on */
	public Set<Long> waitingAssets() {
		return Set.copyOf(waitingByAsset.keySet());
	}

	/** @return whether the request was still open; its handler then gets CANCELLED */
	public boolean cancel(String requestId) {
		ImageRequest<?> request = requestId == null ? null : open.get(requestId);
		if (request == null) {
			return false;
		}
		boolean cancelled = request.end(new MediaLibraryException(MediaLibraryErrorCode.CANCELLED,
				"request " + requestId + " was cancelled"));
		forget(request);
		return cancelled;
	}

	/** Ends every open request: the library is stopping. */
	public void cancelAll() {
		for (ImageRequest<?> request : List.copyOf(open.values())) {
			request.end(new MediaLibraryException(MediaLibraryErrorCode.CANCELLED, "the media library stopped"));
			forget(request);
		}
	}

	private List<ImageRequest<?>> waiting(long assetId) {
		Set<ImageRequest<?>> requests = waitingByAsset.get(assetId);
		return requests == null ? List.of() : List.copyOf(requests);
	}

	private void finish(ImageRequest<?> request, boolean endedNow) {
		if (endedNow || request.hasEnded()) {
			forget(request);
		}
	}

	private void forget(ImageRequest<?> request) {
		open.remove(request.id());
		waitingByAsset.computeIfPresent(request.assetId(), (k, requests) -> {
			requests.remove(request);
			return requests.isEmpty() ? null : requests;
		});
	}

	/** An asset deleted under a request that waits for its FULL image ends it with CANCELLED, however it raced. */
	private static MediaLibraryException goneWhileWaiting(ImageRequest<?> request, MediaLibraryException failure) {
		if (request.mode() != DeliveryMode.FAST_MODE && failure.errorCode() == MediaLibraryErrorCode.NOT_FOUND) {
			return new MediaLibraryException(MediaLibraryErrorCode.CANCELLED, failure.getMessage(), failure);
		}
		return failure;
	}

	private static MediaLibraryException noFullImage(ImageRequest<?> request) {
		return new MediaLibraryException(MediaLibraryErrorCode.OPERATION_NOT_SUPPORTED,
				"asset " + request.assetId() + " is FAST and no deferred job will deliver its FULL image");
	}
}
