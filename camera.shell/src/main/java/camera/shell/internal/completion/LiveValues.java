package camera.shell.internal.completion;

import java.util.ArrayList;
import java.util.List;

import camera.api.CameraDevice;
import camera.api.CameraManager;
import camera.api.Profile;
import camera.api.SceneMode;
import media.library.AssetQuery;
import media.library.PhotoAccessHelper;
import media.library.PhotoAsset;

/**
 * The values of the moment: the cameras {@code camera:list} shows and the assets {@code media:list} shows. A
 * missing service offers nothing, as an empty listing would say.
 */
final class LiveValues {
	/** More assets than this would scroll past; the newest come first. */
	static final int MOST_ASSETS = 200;

	private final CameraManager cameras;
	private final PhotoAccessHelper library;

	/**
	 * @param cameras the camera manager, or {@code null}
	 * @param library the media library, or {@code null}
	 */
	LiveValues(CameraManager cameras, PhotoAccessHelper library) {
		this.cameras = cameras;
		this.library = library;
	}

	List<Suggestion> of(CompletionValues values) {
		return switch (values) {
			case CAMERA_IDS -> cameraIds();
			case PHOTO_SIZES -> photoSizes();
			case ASSET_URIS -> assets(AssetQuery.all());
			case TRASHED_ASSET_URIS -> assets(AssetQuery.all().inTrash());
			default -> values.fixed().stream().map(value -> new Suggestion(value, null)).toList();
		};
	}

	private List<Suggestion> cameraIds() {
		if (cameras == null) {
			return List.of();
		}
		return cameras.getSupportedCameras().stream().map(c -> new Suggestion(c.cameraId(), c.name())).toList();
	}

	private List<Suggestion> photoSizes() {
		if (cameras == null) {
			return List.of();
		}
		List<Suggestion> sizes = new ArrayList<>();
		for (CameraDevice camera : cameras.getSupportedCameras()) {
			for (Profile profile : cameras.getSupportedOutputCapability(camera, SceneMode.NORMAL_PHOTO)
				.photoProfiles()) {
				String size = profile.size().toString();
				if (sizes.stream().noneMatch(s -> s.value().equals(size))) {
					sizes.add(new Suggestion(size, String.format("%.1f MP", profile.size().pixels() / 1e6)));
				}
			}
		}
		return sizes;
	}

	private List<Suggestion> assets(AssetQuery query) {
		if (library == null) {
			return List.of();
		}
		return library.getAssets(query.page(0, MOST_ASSETS))
			.stream()
			.map((PhotoAsset a) -> new Suggestion(a.uri(), a.displayName()))
			.toList();
	}
}
