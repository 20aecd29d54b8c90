package media.library.internal;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import media.library.MediaAssetDataHandler;
import media.library.MediaLibraryException;
import media.library.MediaQuality;

/** An image request handler that writes down what it receives, and on which thread. */
public final class RecordingHandler<T> implements MediaAssetDataHandler<T> {
	/** One call of the handler: data with its quality, or an error. */
	public record Delivery<T>(T data, MediaQuality quality, MediaLibraryException error, Thread thread) {
	}

	private final BlockingQueue<Delivery<T>> deliveries = new LinkedBlockingQueue<>();

	@Override
	public void onDataPrepared(T data, MediaQuality quality) {
		deliveries.add(new Delivery<>(data, quality, null, Thread.currentThread()));
	}

	@Override
	public void onError(MediaLibraryException error) {
		deliveries.add(new Delivery<>(null, null, error, Thread.currentThread()));
	}

	/** @return the next call, waiting for it; fails the test when none comes */
	public Delivery<T> next() throws InterruptedException {
		Delivery<T> delivery = deliveries.poll(10, TimeUnit.SECONDS);
		if (delivery == null) {
			throw new AssertionError("the handler was not called");
		}
		return delivery;
	}

	/** @return the next call if one is already there */
	public Delivery<T> poll() {
		return deliveries.poll();
	}
}
