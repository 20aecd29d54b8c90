package media.library;

import java.util.Objects;

/**
 * The raw image an asset keeps beside its photo ({@link ResourceType#RAW_IMAGE}): a DNG file.
 *
 * @param displayName the file name, the photo's name with the extension {@code .dng}
 * @param mimeType    {@value #DNG}
 * @param size        in bytes
 * @since 1.3
 */
public record RawImage(String displayName, String mimeType, long size) {
	/** The MIME type of DNG files. */
	public static final String DNG = "image/x-adobe-dng";

	public RawImage {
		Objects.requireNonNull(displayName, "displayName");
		Objects.requireNonNull(mimeType, "mimeType");
	}
}
