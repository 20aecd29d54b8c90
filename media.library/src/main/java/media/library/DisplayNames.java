package media.library;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * The display names the library accepts: the one rule for what may name an asset's file, applied to the names
 * applications choose and to the last segment of an {@link AssetUri}. Stateless and thread-safe.
 */
public final class DisplayNames {
	/** File systems limit a name to 255 bytes of UTF-8. */
	public static final int MAX_BYTES = 255;
	private static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg");

	private DisplayNames() {
	}

	/**
	 * @param name the name to check, may be {@code null}
	 * @return the name, when it can name a file inside an asset's folder: at most {@link #MAX_BYTES} bytes, no
	 *         path separator, no {@code ..}, no control or format character, no leading dot, no leading or
	 *         trailing blanks, and an image extension ({@link #isImageExtension})
	 * @throws MediaLibraryException INVALID_DISPLAY_NAME otherwise, saying why in one line
	 */
	public static String requireValid(String name) {
		if (name == null || name.isEmpty()) {
			throw invalid("a display name cannot be empty");
		}
		if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			throw invalid("the display name is longer than " + MAX_BYTES + " bytes");
		}
		if (name.contains("..")) {
			throw invalid("the display name '" + name + "' holds '..'");
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c == '/' || c == '\\') {
				throw invalid("the display name '" + name + "' holds a path separator");
			}
			if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
				throw invalid("the display name holds a control character at position " + i);
			}
		}
		if (name.startsWith(".") || name.isBlank() || name.strip().length() != name.length()) {
			throw invalid("the display name '" + name + "' starts with a dot or with or ends in blanks");
		}
		if (!isImageExtension(extensionOf(name))) {
			throw invalid("the display name '" + name + "' lacks an image extension (" + IMAGE_EXTENSIONS + ")");
		}
		return name;
	}

	/**
	 * @param extension a file extension without the dot, any case, may be {@code null}
	 * @return whether the library stores images with this extension ({@code jpg}, {@code jpeg})
	 */
	public static boolean isImageExtension(String extension) {
		return extension != null && IMAGE_EXTENSIONS.contains(extension.toLowerCase(Locale.ROOT));
	}

	private static String extensionOf(String name) {
		int dot = name.lastIndexOf('.');
		return dot < 0 ? null : name.substring(dot + 1);
	}

	private static MediaLibraryException invalid(String message) {
		return new MediaLibraryException(MediaLibraryErrorCode.INVALID_DISPLAY_NAME, message);
	}
}
