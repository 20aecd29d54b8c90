package camera.web.internal.api;

import java.util.Optional;
import java.util.Set;

import media.library.AssetUri;
import media.library.MediaLibraryException;
import media.library.PhotoAccessHelper;
import media.library.PhotoAsset;

/**
 * The asset an API path names: {@code /api/assets/<id>}, by its id alone, or {@code /api/assets/<id>/<name>},
 * the last two parts of its library URI, which older links use. The library's {@link AssetUri} owns the syntax
 * of both parts; the library checks a name (no separators, no {@code ..}), so no path reaches outside it.
 *
 * @param id   the id as the path has it, not yet checked
 * @param name the display name the path gives, or {@code null} for an address by id alone
 */
record AssetAddress(String id, String name) {
	/**
	 * What may follow an asset's address. None of them is a display name, which always has an image
	 * extension, so a part after the id is either one of these or a name.
	 */
	static final Set<String> ACTIONS = Set.of("image", "thumbnail", "request", "trash", "restore");

	/** @return the address by id alone */
	static AssetAddress byId(String id) {
		return new AssetAddress(id, null);
	}

	/**
	 * @return the asset
	 * @throws ApiError INVALID_REQUEST for an id that is not one, NOT_FOUND when no such asset exists, the
	 *                  library's INVALID_DISPLAY_NAME for a name it refuses
	 */
	PhotoAsset find(PhotoAccessHelper library) {
		long number;
		try {
			number = AssetUri.parseId(id);
		} catch (MediaLibraryException e) {
			throw new ApiError(WebErrorCode.INVALID_REQUEST, printable(e.getMessage()));
		}
		Optional<PhotoAsset> asset;
		try {
			asset = name == null ? library.getAssetById(number)
					: library.getAsset(AssetUri.of(number, name).toString());
		} catch (MediaLibraryException e) {
			throw DomainErrors.of(e);
		}
		return asset.orElseThrow(() -> new ApiError(WebErrorCode.NOT_FOUND, name == null
				? "no asset " + number + " in the library" : "no asset " + number + " named '" + printable(name)
						+ "' in the library"));
	}

	static String printable(String text) {
		String shown = text.replaceAll("\\p{Cntrl}", "?");
		return shown.length() > 80 ? shown.substring(0, 80) + "..." : shown;
	}
}
