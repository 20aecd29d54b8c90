package media.library.internal.requests;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.osgi.service.log.Logger;

import media.library.DeliveryMode;
import media.library.MediaAssetDataHandler;
import media.library.MediaLibraryException;
import media.library.MediaQuality;

/**
 * One image request. Its deliveries run one after another on the library executor, in the order they were
 * decided, so a FAST image always reaches the handler before the FULL one. A waiting request is only an entry in
 * a map: it holds no thread.
 */
final class ImageRequest<T> {
	private final String id;
	private final long assetId;
	private final DeliveryMode mode;
	private final MediaAssetDataHandler<T> handler;
	private final Function<byte[], T> form;
	private final Executor executor;
	private final Logger log;
	private final AtomicBoolean ended = new AtomicBoolean();
	private CompletableFuture<Void> deliveries = CompletableFuture.completedFuture(null);

	ImageRequest(String id, long assetId, DeliveryMode mode, MediaAssetDataHandler<T> handler,
			Function<byte[], T> form, Executor executor, Logger log) {
		this.id = id;
		this.assetId = assetId;
		this.mode = mode;
		this.handler = handler;
		this.form = form;
		this.executor = executor;
		this.log = log;
	}

	String id() {
		return id;
	}

	long assetId() {
		return assetId;
	}

	DeliveryMode mode() {
		return mode;
	}

	boolean hasEnded() {
		return ended.get();
	}

	/** Queues a step after the ones already queued. */
	synchronized void then(Runnable step) {
		deliveries = deliveries.thenRunAsync(step, executor).exceptionally(failure -> {
			log.error("Image request {} for asset {} failed in a delivery step", id, assetId, failure);
			return null;
		});
	}

	/** Hands over an image that does not end the request (the FAST image of a BALANCE request). */
	void deliverIntermediate(CurrentImage image) {
		if (!ended.get()) {
			T data = form.apply(image.data());
			if (!ended.get()) {
				callHandler(() -> handler.onDataPrepared(data, image.quality()));
			}
		}
	}

	/** Hands over the image that ends the request. @return whether this call ended it */
	boolean deliverFinal(CurrentImage image) {
		if (ended.get()) {
			return false;
		}
		T data;
		try {
			data = form.apply(image.data());
		} catch (MediaLibraryException e) {
			return endNow(e);
		}
		if (!ended.compareAndSet(false, true)) {
			return false;
		}
		MediaQuality quality = image.quality();
		callHandler(() -> handler.onDataPrepared(data, quality));
		return true;
	}

	/** Ends the request with an error, queued after the deliveries already decided. @return whether it was open */
	boolean end(MediaLibraryException error) {
		if (!ended.compareAndSet(false, true)) {
			return false;
		}
		then(() -> callHandler(() -> handler.onError(error)));
		return true;
	}

	/** Ends the request with an error from inside a delivery step. */
	boolean endNow(MediaLibraryException error) {
		if (!ended.compareAndSet(false, true)) {
			return false;
		}
		callHandler(() -> handler.onError(error));
		return true;
	}

	private void callHandler(Runnable call) {
		try {
			call.run();
		} catch (RuntimeException e) {
			log.error("The handler of image request {} for asset {} threw", id, assetId, e);
		}
	}
}
