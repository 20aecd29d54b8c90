package camera.web.internal.api;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import media.library.DeliveryMode;
import media.library.MediaAssetDataHandler;
import media.library.MediaAssetManager;
import media.library.PhotoAsset;
import media.library.RequestOptions;

/** Delivers "the image" of a fake library's asset at once: its bytes name its quality. */
final class FakeImages implements MediaAssetManager {
	private final FakeLibrary library;
	final List<DeliveryMode> requested = new ArrayList<>();

	FakeImages(FakeLibrary library) {
		this.library = library;
	}

	@Override
	public String requestImageData(PhotoAsset asset, RequestOptions options, MediaAssetDataHandler<byte[]> handler) {
		requested.add(options.deliveryMode());
		if (options.deliveryMode() == DeliveryMode.FAST_MODE) {
			PhotoAsset now = library.assets.get(asset.id());
			handler.onDataPrepared(("jpeg " + now.quality()).getBytes(), now.quality());
		}
		return "request-" + requested.size();
	}

	@Override
	public String requestImage(PhotoAsset asset, RequestOptions options, MediaAssetDataHandler<BufferedImage> handler) {
		throw new UnsupportedOperationException();
	}

	@Override
	public boolean cancelRequest(String requestId) {
		return false;
	}
}
