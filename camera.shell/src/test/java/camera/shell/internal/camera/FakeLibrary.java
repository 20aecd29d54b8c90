package camera.shell.internal.camera;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import media.library.AssetQuery;
import media.library.AssetUri;
import media.library.MediaAssetChangeRequest;
import media.library.MediaQuality;
import media.library.PhotoAccessHelper;
import media.library.PhotoAsset;
import media.library.PhotoType;

/** A media library that records the change requests applied to it and answers with the saved assets. */
final class FakeLibrary implements PhotoAccessHelper {
	final List<MediaAssetChangeRequest> applied = new CopyOnWriteArrayList<>();
	private long nextId = 100;

	@Override
	public PhotoAsset createAsset(String displayName) {
		return asset(nextId++, displayName, MediaQuality.FAST, null);
	}

	@Override
	public PhotoAsset createAsset(PhotoType type, String extension) {
		long id = nextId++;
		return asset(id, "IMG_" + id + "." + extension, MediaQuality.FAST, null);
	}

	@Override
	public Optional<PhotoAsset> getAsset(String uri) {
		return Optional.empty();
	}

	@Override
	public Optional<PhotoAsset> getAssetById(long id) {
		return Optional.empty();
	}

	@Override
	public List<PhotoAsset> getAssets(AssetQuery query) {
		return List.of();
	}

	@Override
	public PhotoAsset applyChanges(MediaAssetChangeRequest request) {
		applied.add(request);
		PhotoAsset asset = request.asset();
		if (request.imageBytes().isPresent()) {
			return asset(asset.id(), asset.displayName(), MediaQuality.FULL, null);
		}
		String job = request.photoProxy().map(p -> p.photoId()).orElse(asset.deferredJobId());
		return asset(asset.id(), asset.displayName(), MediaQuality.FAST, job);
	}

	private static PhotoAsset asset(long id, String name, MediaQuality quality, String job) {
		return new PhotoAsset(id, AssetUri.of(id, name).toString(), name, PhotoType.IMAGE, "image/jpeg", 64,
				48, 3, Instant.now(), Instant.now(), Instant.now(), quality, job, false, false);
	}

	@Override
	public void trash(List<PhotoAsset> assets) {
	}

	@Override
	public void restore(List<PhotoAsset> assets) {
	}

	@Override
	public void deletePermanently(List<PhotoAsset> assets) {
	}

	@Override
	public byte[] getThumbnail(PhotoAsset asset) {
		return new byte[0];
	}
}
