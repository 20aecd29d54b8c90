package camera.web.internal.links;

/**
 * The API address of an asset, {@code /api/assets/<id>}: its id alone, which never changes, not even when its
 * FAST image is replaced by the FULL one. The listings, the details and the event stream all link with it.
 */
public final class AssetLinks {

	private AssetLinks() {
	}

	/** @return the API address of the asset with that id */
	public static String href(long id) {
		return "/api/assets/" + id;
	}
}
