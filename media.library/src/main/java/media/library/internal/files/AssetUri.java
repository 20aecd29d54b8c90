package media.library.internal.files;

import media.library.MediaLibraryErrorCode;
import media.library.MediaLibraryException;

/**
 * The URI of an asset, {@code file://media/Photo/<id>/<displayName>}, as in the source documents.
 *
 * @param id          the asset id, positive
 * @param displayName a valid display name
 */
public record AssetUri(long id, String displayName) {
	private static final String PREFIX = "file://media/Photo/";

	/** @return the URI text */
	public String text() {
		return PREFIX + id + "/" + displayName;
	}

	/** @return the URI of an asset */
	public static String of(long id, String displayName) {
		return new AssetUri(id, displayName).text();
	}

	/**
	 * Parses a URI strictly: the exact prefix, a decimal id without sign or leading zero, one slash, a valid
	 * display name.
	 *
	 * @throws MediaLibraryException INVALID_URI for anything else
	 */
	public static AssetUri parse(String uri) {
		if (uri == null || !uri.startsWith(PREFIX)) {
			throw invalid(uri, "it does not start with " + PREFIX);
		}
		String rest = uri.substring(PREFIX.length());
		int slash = rest.indexOf('/');
		if (slash <= 0) {
			throw invalid(uri, "it has no asset id followed by a name");
		}
		String idText = rest.substring(0, slash);
		if (idText.length() > 18 || idText.startsWith("0") || !idText.chars().allMatch(c -> c >= '0' && c <= '9')) {
			throw invalid(uri, "'" + idText + "' is not an asset id");
		}
		String name = rest.substring(slash + 1);
		try {
			return new AssetUri(Long.parseLong(idText), DisplayNames.requireValid(name));
		} catch (MediaLibraryException e) {
			throw new MediaLibraryException(MediaLibraryErrorCode.INVALID_URI,
					"'" + printable(uri) + "' is not an asset URI: " + e.getMessage(), e);
		}
	}

	private static MediaLibraryException invalid(String uri, String why) {
		return new MediaLibraryException(MediaLibraryErrorCode.INVALID_URI,
				"'" + printable(uri) + "' is not an asset URI: " + why);
	}

	private static String printable(String text) {
		return text == null ? "null" : text.replaceAll("\\p{Cntrl}", "?");
	}
}
