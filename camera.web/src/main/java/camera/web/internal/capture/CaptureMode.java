package camera.web.internal.capture;

import java.util.Locale;
import java.util.Optional;

/** How a capture of the API delivers its photo, named as in {@code camera:capture -m}. */
public enum CaptureMode {
	/** Deferred delivery to a public app: a FAST asset at once, FULL later. */
	DEFERRED,
	/** No deferral: the FULL photo at once (the baseline). */
	SINGLE,
	/** Deferred delivery to a system app: a photo proxy saved with {@code addResource(PHOTO_PROXY)}. */
	PROXY;

	/** @return the mode of that name (any case), if there is one */
	public static Optional<CaptureMode> parse(String text) {
		for (CaptureMode mode : values()) {
			if (mode.name().equalsIgnoreCase(text)) {
				return Optional.of(mode);
			}
		}
		return Optional.empty();
	}

	/** @return the name clients write */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}
}
