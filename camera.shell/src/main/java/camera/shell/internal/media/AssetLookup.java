package camera.shell.internal.media;

import camera.shell.internal.console.CommandFailure;
import camera.shell.internal.input.AssetUri;
import media.library.PhotoAccessHelper;
import media.library.PhotoAsset;

/** Finds the asset a command names by URI, after checking the URI strictly. */
public final class AssetLookup {
	private AssetLookup() {
	}

	/**
	 * @return the asset, trashed or not
	 * @throws CommandFailure for a malformed URI or one no asset has
	 */
	public static PhotoAsset asset(PhotoAccessHelper library, String uri) {
		AssetUri checked = AssetUri.parse(uri);
		return library.getAsset(checked.toString())
			.orElseThrow(() -> new CommandFailure("no asset " + checked + " in the media library"));
	}
}
