package camera.web.internal.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import media.library.AssetQuery;
import media.library.MediaAssetChangeRequest;
import media.library.MediaLibraryErrorCode;
import media.library.MediaLibraryException;
import media.library.MediaQuality;
import media.library.PhotoAccessHelper;
import media.library.PhotoAsset;
import media.library.PhotoType;

/** An in-memory library with the real one's URI checks and paged, newest-first queries. */
final class FakeLibrary implements PhotoAccessHelper {
	final Map<Long, PhotoAsset> assets = new TreeMap<>();
	final AtomicInteger changes = new AtomicInteger();
	final List<AssetQuery> queries = new ArrayList<>();

	PhotoAsset add(MediaQuality quality) {
		long id = assets.size() + 1;
		Instant added = Instant.parse("2026-12-01T10:00:00Z").plusSeconds(id);
		PhotoAsset asset = new PhotoAsset(id, "file://media/Photo/" + id + "/IMG_" + id + ".jpg", "IMG_" + id + ".jpg",
				PhotoType.IMAGE, "image/jpeg", 640, 480, 1000 + id, added, added, added, quality,
				quality == MediaQuality.FAST ? "job-" + id : null, false, false);
		assets.put(id, asset);
		return asset;
	}

	/** Replaces the FAST image of an asset with a FULL one, as a completed job does. */
	PhotoAsset becomeFull(PhotoAsset asset) {
		PhotoAsset full = new PhotoAsset(asset.id(), asset.uri(), asset.displayName(), asset.photoType(),
				asset.mimeType(), asset.width(), asset.height(), asset.size() + 500, asset.dateAdded(),
				asset.dateModified().plusSeconds(5), asset.dateTaken(), MediaQuality.FULL, null, false, asset.trashed());
		assets.put(asset.id(), full);
		return full;
	}

	@Override
	public PhotoAsset createAsset(String displayName) {
		changes.incrementAndGet();
		throw new UnsupportedOperationException();
	}

	@Override
	public PhotoAsset createAsset(PhotoType type, String extension) {
		changes.incrementAndGet();
		throw new UnsupportedOperationException();
	}

	@Override
	public Optional<PhotoAsset> getAsset(String uri) {
		String prefix = "file://media/Photo/";
		String rest = uri.substring(prefix.length());
		String name = rest.substring(rest.indexOf('/') + 1);
		if (name.contains("/") || name.contains("..") || name.contains("\\") || !name.endsWith(".jpg")) {
			throw new MediaLibraryException(MediaLibraryErrorCode.INVALID_URI, "'" + uri + "' is not an asset URI");
		}
		return assets.values().stream().filter(a -> a.uri().equals(uri)).findFirst();
	}

	@Override
	public Optional<PhotoAsset> getAssetById(long id) {
		return Optional.ofNullable(assets.get(id));
	}

	@Override
	public List<PhotoAsset> getAssets(AssetQuery query) {
		queries.add(query);
		return assets.values()
			.stream()
			.filter(a -> a.trashed() == query.trashed())
			.filter(a -> query.quality() == null || a.quality() == query.quality())
			.sorted(Comparator.comparing(PhotoAsset::dateAdded).reversed())
			.skip(query.offset())
			.limit(query.limit())
			.toList();
	}

	@Override
	public PhotoAsset applyChanges(MediaAssetChangeRequest request) {
		changes.incrementAndGet();
		throw new UnsupportedOperationException();
	}

	@Override
	public void trash(List<PhotoAsset> list) {
		changes.incrementAndGet();
		list.forEach(a -> assets.put(a.id(), withTrashed(assets.get(a.id()), true)));
	}

	@Override
	public void restore(List<PhotoAsset> list) {
		changes.incrementAndGet();
		list.forEach(a -> assets.put(a.id(), withTrashed(assets.get(a.id()), false)));
	}

	@Override
	public void deletePermanently(List<PhotoAsset> list) {
		changes.incrementAndGet();
		list.forEach(a -> assets.remove(a.id()));
	}

	@Override
	public byte[] getThumbnail(PhotoAsset asset) {
		return ("thumbnail of " + assets.get(asset.id()).quality()).getBytes();
	}

	private static PhotoAsset withTrashed(PhotoAsset a, boolean trashed) {
		return new PhotoAsset(a.id(), a.uri(), a.displayName(), a.photoType(), a.mimeType(), a.width(), a.height(),
				a.size(), a.dateAdded(), a.dateModified(), a.dateTaken(), a.quality(), a.deferredJobId(), a.pending(),
				trashed);
	}
}
