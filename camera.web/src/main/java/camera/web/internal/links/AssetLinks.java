package camera.web.internal.links;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The API address of an asset, {@code /api/assets/<id>/<name>}: the last two parts of its library URI, the name
 * URL-encoded. The listings, the details and the event stream all link with it.
 */
public final class AssetLinks {

	private AssetLinks() {
	}

	/** @return the API address of the asset with that id and display name */
	public static String href(long id, String displayName) {
		return "/api/assets/" + id + "/" + URLEncoder.encode(displayName, StandardCharsets.UTF_8).replace("+", "%20");
	}
}
