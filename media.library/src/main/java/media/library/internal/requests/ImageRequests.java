package media.library.internal.requests;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongConsumer;

import org.osgi.service.log.Logger;

import media.library.DeliveryMode;
import media.library.MediaAssetDataHandler;
import media.library.MediaLibraryErrorCode;
import media.library.MediaLibraryException;
import media.library.MediaQuality;

/**
 * The image requests of {@link media.library.MediaAssetManager}: starts each by its delivery mode, keeps the ones
 * waiting for a FULL image, and ends them when the final image is in place (the FULL one, or a FAST one made
 * final) or the asset goes away. The requests waiting on an asset are counted: the caller raises the job when the
 * first one starts, and {@code lastCancelled} hears when a cancel leaves none waiting.
 */
public final class ImageRequests {
	private final ImageSource source;
	private final Executor executor;
	private final Logger log;
	private final AtomicLong sequence = new AtomicLong();
	private final Map<String, ImageRequest<?>> open = new ConcurrentHashMap<>();
	private final Map<Long, Set<ImageRequest<?>>> waitingByAsset = new ConcurrentHashMap<>();
	private final LongConsumer lastCancelled;

	/**
	 * @param executor      runs every read and handler call; it must not run them on the calling thread
	 * @param lastCancelled told the id of an asset when a cancelled request was the last one waiting on it
	 */
	public ImageRequests(ImageSource source, Executor executor, LongConsumer lastCancelled, Logger log) {
		this.source = source;
		this.executor = executor;
		this.lastCancelled = lastCancelled;
		this.log = log;
	}

	/**
	 * A started request.
	 *
	 * @param id           the request id
	 * @param firstWaiting whether it waits for the final image and no other request waited on its asset before
	 */
	public record Started(String id, boolean firstWaiting) {
	}

	/**
	 * Starts a request. The caller has checked that the asset exists.
	 *
	 * @param form turns the encoded file into what the handler takes
	 */
	public <T> Started start(long assetId, DeliveryMode mode, MediaAssetDataHandler<T> handler,
			Function<byte[], T> form) {
		String id = "request-" + sequence.incrementAndGet();
		ImageRequest<T> request = new ImageRequest<>(id, assetId, mode, handler, form, executor, log);
		open.put(id, request);
		boolean[] first = {false};
		if (mode != DeliveryMode.FAST_MODE) {
			// Registered before the first read, so that a FULL image arriving in between is not missed.
			waitingByAsset.compute(assetId, (k, requests) -> {
				first[0] = requests == null;
				Set<ImageRequest<?>> set = requests == null ? ConcurrentHashMap.newKeySet() : requests;
				set.add(request);
				return set;
			});
		}
		request.then(() -> first(request));
		return new Started(id, first[0]);
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
		switch (request.mode()) {
			case FAST_MODE -> finish(request, request.deliverFinal(image));
			case HIGH_QUALITY_MODE -> {
				if (isFinal(image)) {
					finish(request, request.deliverFinal(image));
				}
			}
			case BALANCE_MODE -> {
				if (isFinal(image)) {
					finish(request, request.deliverFinal(image));
				} else {
					request.deliverIntermediate(image);
				}
			}
		}
	}

	/**
	 * The final image of an asset is in place (the FULL one, or its FAST one made final): every request waiting
	 * for it receives it, with its quality.
	 */
	public void finalImageReady(long assetId) {
		for (ImageRequest<?> request : waiting(assetId)) {
			request.then(() -> {
				try {
					CurrentImage image = source.read(assetId);
					if (isFinal(image)) {
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
		if (forget(request) && cancelled) {
			lastCancelled.accept(request.assetId());
		}
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

	/** @return whether the request was the last one waiting on its asset */
	private boolean forget(ImageRequest<?> request) {
		open.remove(request.id());
		boolean[] last = {false};
		waitingByAsset.computeIfPresent(request.assetId(), (k, requests) -> {
			last[0] = requests.remove(request) && requests.isEmpty();
			return requests.isEmpty() ? null : requests;
		});
		return last[0];
	}

	private static boolean isFinal(CurrentImage image) {
		return image.quality() == MediaQuality.FULL || !image.waitsForJob();
	}

	/** An asset deleted under a request that waits for its FULL image ends it with CANCELLED, however it raced. */
	private static MediaLibraryException goneWhileWaiting(ImageRequest<?> request, MediaLibraryException failure) {
		if (request.mode() != DeliveryMode.FAST_MODE && failure.errorCode() == MediaLibraryErrorCode.NOT_FOUND) {
			return new MediaLibraryException(MediaLibraryErrorCode.CANCELLED, failure.getMessage(), failure);
		}
		return failure;
	}
}
