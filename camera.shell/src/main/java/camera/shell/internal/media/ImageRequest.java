package camera.shell.internal.media;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import camera.shell.internal.console.CommandFailure;
import media.library.DeliveryMode;
import media.library.MediaAssetDataHandler;
import media.library.MediaAssetManager;
import media.library.MediaLibraryException;
import media.library.MediaQuality;
import media.library.PhotoAsset;
import media.library.RequestOptions;

/**
 * Requests the encoded image of an asset and waits, on the caller's thread, for every delivery its mode
 * promises: one for FAST and HIGH_QUALITY, and for BALANCE the current image and then the FULL one (once when
 * the asset is already FULL). A request still waiting when the timeout passes is cancelled.
 */
public final class ImageRequest {
	private final MediaAssetManager images;
	private final Duration timeout;

	public ImageRequest(MediaAssetManager images, Duration timeout) {
		this.images = images;
		this.timeout = timeout;
	}

	private sealed interface Outcome {
	}

	private record Prepared(byte[] jpeg, MediaQuality quality, long nanoTime) implements Outcome {
	}

	private record Failed(MediaLibraryException error) implements Outcome {
	}

	/**
	 * Hands each delivery to {@code each} as it arrives, on the calling thread.
	 *
	 * @return the last delivery, the best image the request got
	 * @throws MediaLibraryException what the library reported
	 * @throws CommandFailure        when the deliveries did not all arrive within the timeout
	 */
	public ImageDelivery run(PhotoAsset asset, DeliveryMode mode, Consumer<ImageDelivery> each)
			throws InterruptedException {
		BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
		long start = System.nanoTime();
		long deadline = start + timeout.toNanos();
		String requestId = images.requestImageData(asset, new RequestOptions(mode), new MediaAssetDataHandler<>() {
			@Override
			public void onDataPrepared(byte[] data, MediaQuality quality) {
				outcomes.add(new Prepared(data, quality, System.nanoTime()));
			}

			@Override
			public void onError(MediaLibraryException error) {
				outcomes.add(new Failed(error));
			}
		});
		boolean complete = false;
		try {
			while (true) {
				Outcome outcome = outcomes.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
				switch (outcome) {
					case null -> throw new CommandFailure("no " + (mode == DeliveryMode.FAST_MODE ? "" : "FULL ")
							+ "image of " + asset.uri() + " within " + timeout.toSeconds()
							+ " s; the request was cancelled");
					case Failed failed -> {
						complete = true;
						throw failed.error();
					}
					case Prepared prepared -> {
						ImageDelivery delivery = new ImageDelivery(asset.uri(), prepared.quality(), prepared.jpeg(),
								TimeUnit.NANOSECONDS.toMillis(prepared.nanoTime() - start));
						each.accept(delivery);
						if (mode != DeliveryMode.BALANCE_MODE || prepared.quality() == MediaQuality.FULL) {
							complete = true;
							return delivery;
						}
					}
				}
			}
		} finally {
			if (!complete) {
				images.cancelRequest(requestId);
			}
		}
	}
}
