package media.library;

import java.util.Objects;

/**
 * The URI of an asset, {@code file://media/Photo/<id>/<displayName>}, as in the source documents: the one place
 * that knows this syntax. The library hands out these URIs in {@link PhotoAsset#uri()}; clients check a URI a
 * person typed with {@link #parse} before asking the library, and build one with {@link #of}.
 * <p>
 * The text is strict: exactly {@link #PREFIX}, a decimal id without sign or leading zero (at most 18 digits),
 * one slash, and a name {@link DisplayNames#requireValid} accepts. Instances are immutable and thread-safe.
 */
public final class AssetUri {
	/** What every asset URI starts with. */
	public static final String PREFIX = "file://media/Photo/";
	private static final int MAX_ID_DIGITS = 18;

	private final long id;
	private final String displayName;

	private AssetUri(long id, String displayName) {
		this.id = id;
		this.displayName = displayName;
	}

	/**
	 * @param id          the asset id, positive
	 * @param displayName the asset's display name
	 * @return the URI of that asset
	 * @throws MediaLibraryException INVALID_URI for an id that is not positive, INVALID_DISPLAY_NAME for a name
	 *                               {@link DisplayNames#requireValid} refuses
	 */
	public static AssetUri of(long id, String displayName) {
		if (id <= 0) {
			throw new MediaLibraryException(MediaLibraryErrorCode.INVALID_URI, "an asset id is positive, not " + id);
		}
		return new AssetUri(id, DisplayNames.requireValid(displayName));
	}

	/**
	 * Parses a URI strictly.
	 *
	 * @param uri the text, may be {@code null}
	 * @return the URI
	 * @throws MediaLibraryException INVALID_URI for anything but the exact syntax; the message is one line,
	 *                               {@code not an asset URI: '<text>': <why>}, with control characters of the text
	 *                               replaced by {@code ?}
	 */
	public static AssetUri parse(String uri) {
		if (uri == null || !uri.startsWith(PREFIX)) {
			throw invalid(uri, "expected " + PREFIX + "<id>/<name>");
		}
		String rest = uri.substring(PREFIX.length());
		int slash = rest.indexOf('/');
		if (slash <= 0) {
			throw invalid(uri, "it has no asset id followed by a name");
		}
		String idText = rest.substring(0, slash);
		if (!isId(idText)) {
			throw invalid(uri, "'" + printable(idText) + "' is not an asset id");
		}
		try {
			return new AssetUri(Long.parseLong(idText), DisplayNames.requireValid(rest.substring(slash + 1)));
		} catch (MediaLibraryException e) {
			throw new MediaLibraryException(MediaLibraryErrorCode.INVALID_URI,
					"not an asset URI: '" + printable(uri) + "': " + printable(e.getMessage()), e);
		}
	}

	/**
	 * Parses an asset id as it stands in a URI, alone (e.g. where a client addresses an asset by its id):
	 * a decimal number without sign or leading zero, at most 18 digits.
	 *
	 * @param text the text, may be {@code null}
	 * @return the id, positive
	 * @throws MediaLibraryException INVALID_URI for anything else; the message is one line,
	 *                               {@code '<text>' is not an asset id: ...}, with control characters replaced
	 *                               by {@code ?}
	 * @since 1.3
	 */
	public static long parseId(String text) {
		if (text == null || !isId(text)) {
			throw new MediaLibraryException(MediaLibraryErrorCode.INVALID_URI, "'" + printable(text)
					+ "' is not an asset id: ids are whole numbers from 1, without sign or leading zero");
		}
		return Long.parseLong(text);
	}

	/** @return the asset id, positive */
	public long id() {
		return id;
	}

	/** @return the asset's display name, which is also the name of its file */
	public String displayName() {
		return displayName;
	}

	/** @return the URI text, {@code file://media/Photo/<id>/<displayName>} */
	@Override
	public String toString() {
		return PREFIX + id + "/" + displayName;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof AssetUri that && id == that.id && displayName.equals(that.displayName);
	}

	@Override
	public int hashCode() {
		return Objects.hash(id, displayName);
	}

	private static boolean isId(String text) {
		return !text.isEmpty() && text.length() <= MAX_ID_DIGITS && !text.startsWith("0")
				&& text.chars().allMatch(c -> c >= '0' && c <= '9');
	}

	private static MediaLibraryException invalid(String uri, String why) {
		return new MediaLibraryException(MediaLibraryErrorCode.INVALID_URI,
				"not an asset URI: '" + printable(uri) + "': " + why);
	}

	private static String printable(String text) {
		return text == null ? "null" : text.replaceAll("\\p{Cntrl}", "?");
	}
}
