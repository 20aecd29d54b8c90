package camera.shell.internal.media;

import camera.shell.internal.console.CommandFailure;
import media.library.AssetUri;
import media.library.PhotoAccessHelper;
import media.library.PhotoAsset;

/** Finds the asset a command names by its checked URI. */
public final class AssetLookup {
	private AssetLookup() {
	}

	/**
	 * @return the asset, trashed or not
	 * @throws CommandFailure for a URI no asset has
	 */
	public static PhotoAsset asset(PhotoAccessHelper library, AssetUri uri) {
		return library.getAsset(uri.toString())
			.orElseThrow(() -> new CommandFailure("no asset " + uri + " in the media library"));
	}
}
