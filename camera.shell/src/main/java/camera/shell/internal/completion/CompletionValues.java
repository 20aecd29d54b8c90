package camera.shell.internal.completion;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import camera.api.ImageRotation;
import camera.api.QualityLevel;
import camera.shell.internal.input.CaptureMode;
import camera.shell.internal.input.RequestMode;
import media.library.MediaQuality;

/** The kinds of values a command parameter takes that the shell can offer on Tab. */
public enum CompletionValues {
	/** The ids of the cameras available now. */
	CAMERA_IDS,
	/** The photo sizes the cameras available now offer. */
	PHOTO_SIZES,
	/** The assets of the library that are not in the trash. */
	ASSET_URIS,
	/** The assets in the trash. */
	TRASHED_ASSET_URIS,
	CAPTURE_MODES(CaptureMode.class),
	QUALITY_LEVELS(QualityLevel.class),
	REQUEST_MODES(RequestMode.class),
	MEDIA_QUALITIES(MediaQuality.class),
	ROTATIONS(Arrays.stream(ImageRotation.values()).map(r -> String.valueOf(r.degrees())).toList());

	private final List<String> fixed;

	CompletionValues() {
		this(List.of());
	}

	CompletionValues(Class<? extends Enum<?>> choices) {
		this(Arrays.stream(choices.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
	}

	CompletionValues(List<String> fixed) {
		this.fixed = fixed;
	}

	/** @return whether the values depend on the cameras and assets of the moment */
	public boolean live() {
		return fixed.isEmpty();
	}

	/** @return the values as the user types them; empty for {@link #live()} values */
	public List<String> fixed() {
		return fixed;
	}
}
