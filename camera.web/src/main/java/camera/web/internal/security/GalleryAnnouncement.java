package camera.web.internal.security;

import java.util.List;

/**
 * The line that tells a person starting the platform where the gallery is: camera.web owns that fact (it knows its
 * context and watches where the HTTP runtime listens), so it says it on the console as soon as it serves there,
 * before the shell's first prompt. The distribution test looks for this line.
 */
final class GalleryAnnouncement {
	static final String PREFIX = "Web gallery: ";

	private GalleryAnnouncement() {
	}

	/** @return e.g. {@code Web gallery: http://127.0.0.1:8080/} */
	static String line(List<String> endpoints) {
		return PREFIX + String.join(" ", endpoints);
	}
}
