package camera.deferred.internal.framework;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import camera.api.CameraException;
import camera.api.DeferredPhotoProxy;
import camera.api.Photo;
import camera.api.PhotoOutput;
import media.library.PhotoAsset;

/**
 * Records every event of an output as a line of text, in the order the output fired them, and keeps the photo
 * objects for closer checks.
 */
final class EventRecorder {
	private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
	final List<Photo> photos = new java.util.concurrent.CopyOnWriteArrayList<>();
	final List<PhotoAsset> assets = new java.util.concurrent.CopyOnWriteArrayList<>();
	final List<DeferredPhotoProxy> proxies = new java.util.concurrent.CopyOnWriteArrayList<>();
	final List<CameraException> errors = new java.util.concurrent.CopyOnWriteArrayList<>();

	/** Listens to everything but {@code photoAssetAvailable}, which decides the delivery mode. */
	static EventRecorder listenTo(PhotoOutput output) {
		EventRecorder recorder = new EventRecorder();
		output.onCaptureStartWithInfo(info -> recorder.events.add("start " + info.captureId()));
		output.onFrameShutter(info -> recorder.events.add("shutter " + info.captureId()));
		output.onPhotoAvailable(photo -> {
			recorder.photos.add(photo);
			recorder.events.add("photo " + photo.captureId());
		});
		output.onDeferredPhotoProxyAvailable(proxy -> {
			recorder.proxies.add(proxy);
			recorder.events.add("proxy " + proxy.photoId());
		});
		output.onCaptureEnd(info -> recorder.events.add("end " + info.captureId() + " frames " + info.frameCount()));
		output.onCaptureReady(() -> recorder.events.add("ready"));
		output.onError(error -> {
			recorder.errors.add(error);
			recorder.events.add("error " + error.errorCode());
		});
		return recorder;
	}

	EventRecorder alsoAssets(PhotoOutput output) {
		output.onPhotoAssetAvailable(asset -> {
			assets.add(asset);
			events.add("asset " + asset.deferredJobId());
		});
		return this;
	}

	/** @return the next {@code count} events, waiting for them */
	List<String> next(int count) {
		List<String> taken = new ArrayList<>();
		try {
			for (int i = 0; i < count; i++) {
				String event = events.poll(30, TimeUnit.SECONDS);
				if (event == null) {
					throw new AssertionError("only these events came: " + taken);
				}
				taken.add(event);
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		}
		return taken;
	}
}
