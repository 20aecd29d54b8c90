package camera.web.internal.api;

import java.util.Optional;

import media.library.AssetUri;
import media.library.MediaLibraryException;
import media.library.PhotoAccessHelper;
import media.library.PhotoAsset;

/**
 * Finds the asset an API path names: {@code /api/assets/<id>/<name>}, the last two parts of its library URI.
 * The library checks the name (no separators, no {@code ..}), so no path reaches outside it.
 */
final class AssetAddress {
	private AssetAddress() {
	}

	/**
	 * @return the asset
	 * @throws ApiError INVALID_REQUEST for an id that is not a number, NOT_FOUND when no such asset exists, the
	 *                  library's INVALID_URI for a name it refuses
	 */
	static PhotoAsset find(PhotoAccessHelper library, String id, String name) {
		if (id.length() > 18 || id.startsWith("0") || id.isEmpty() || !id.chars().allMatch(Character::isDigit)) {
			throw new ApiError(WebErrorCode.INVALID_REQUEST, "'" + printable(id) + "' is not an asset id");
		}
		Optional<PhotoAsset> asset;
		try {
			asset = library.getAsset(AssetUri.of(Long.parseLong(id), name).toString());
		} catch (MediaLibraryException e) {
			throw DomainErrors.of(e);
		}
		return asset.orElseThrow(() -> new ApiError(WebErrorCode.NOT_FOUND,
				"no asset " + id + " named '" + printable(name) + "' in the library"));
	}

	static String printable(String text) {
		String shown = text.replaceAll("\\p{Cntrl}", "?");
		return shown.length() > 80 ? shown.substring(0, 80) + "..." : shown;
	}
}
