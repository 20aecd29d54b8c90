package media.library.internal.files;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import media.library.MediaLibraryErrorCode;
import media.library.MediaLibraryException;

/** Checks the display names applications choose and makes the ones the library generates. */
public final class DisplayNames {
	/** File systems limit a name to 255 bytes. */
	public static final int MAX_BYTES = 255;
	private static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg");
	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

	private final AtomicInteger sequence = new AtomicInteger();

	/**
	 * @return the name, when it can name a file inside an asset directory
	 * @throws MediaLibraryException INVALID_DISPLAY_NAME otherwise, saying why
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

	/** @return whether the library stores images with this extension (without the dot, any case) */
	public static boolean isImageExtension(String extension) {
		return extension != null && IMAGE_EXTENSIONS.contains(extension.toLowerCase(Locale.ROOT));
	}

	/** @return a fresh name of the form {@code IMG_<date>_<time>_<n>.<extension>} */
	public String generate(LocalDateTime time, String extension) {
		int n = Math.floorMod(sequence.incrementAndGet(), 1000);
		return "IMG_" + STAMP.format(time) + "_" + String.format(Locale.ROOT, "%03d", n) + "." + extension;
	}

	private static String extensionOf(String name) {
		int dot = name.lastIndexOf('.');
		return dot < 0 ? null : name.substring(dot + 1);
	}

	private static MediaLibraryException invalid(String message) {
		return new MediaLibraryException(MediaLibraryErrorCode.INVALID_DISPLAY_NAME, message);
	}
}
