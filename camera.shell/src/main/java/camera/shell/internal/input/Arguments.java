package camera.shell.internal.input;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import camera.api.ImageRotation;
import camera.api.QualityLevel;
import camera.api.Size;
import camera.shell.internal.console.CommandFailure;
import media.library.AssetUri;
import media.library.MediaLibraryException;

/**
 * Turns the text of command options into values, each failure one line naming the option and what it accepts.
 * Gogo passes options as text so that a wrong value reaches these checks instead of Gogo's coercion error.
 */
public final class Arguments {
	/** The most photos one capture command takes; more is a typo rather than a wish. */
	public static final int MAX_COUNT = 1000;
	/** The longest wait a command accepts, one day. */
	public static final long MAX_SECONDS = 86_400;

	private Arguments() {
	}

	/** @return the number of photos, 1 to {@link #MAX_COUNT} */
	public static int count(String option, String text) {
		long value = wholeNumber(option, text);
		if (value < 1 || value > MAX_COUNT) {
			throw new CommandFailure(option + ": the count must be 1 to " + MAX_COUNT + ", not " + text);
		}
		return (int) value;
	}

	/** @return a positive number of seconds, at most a day */
	public static Duration seconds(String option, String text) {
		long value = wholeNumber(option, text);
		if (value < 1 || value > MAX_SECONDS) {
			throw new CommandFailure(option + ": seconds must be 1 to " + MAX_SECONDS + ", not " + text);
		}
		return Duration.ofSeconds(value);
	}

	/** @return the size in {@code WIDTHxHEIGHT} form */
	public static Size size(String option, String text) {
		String trimmed = text.trim().toLowerCase(Locale.ROOT);
		if (!trimmed.matches("[0-9]{1,5}x[0-9]{1,5}")) {
			throw new CommandFailure(option + ": not a size of the form WIDTHxHEIGHT (e.g. 4000x3000): " + text);
		}
		String[] parts = trimmed.split("x");
		int width = Integer.parseInt(parts[0]);
		int height = Integer.parseInt(parts[1]);
		if (width < 1 || height < 1) {
			throw new CommandFailure(option + ": a size needs a positive width and height, not " + text);
		}
		return new Size(width, height);
	}

	/** @return the rotation of 0, 90, 180 or 270 degrees */
	public static ImageRotation rotation(String option, String text) {
		String degrees = text.trim();
		for (ImageRotation rotation : ImageRotation.values()) {
			if (String.valueOf(rotation.degrees()).equals(degrees)) {
				return rotation;
			}
		}
		throw new CommandFailure(option + ": the rotation must be 0, 90, 180 or 270 degrees, not " + text);
	}

	/**
	 * Checks an asset URI strictly, with the library's own syntax, before any service sees it.
	 *
	 * @return the URI
	 * @throws CommandFailure for a missing URI or one that is not an asset URI, saying what is wrong
	 */
	public static AssetUri assetUri(String text) {
		if (text == null || text.isBlank()) {
			throw new CommandFailure("missing asset URI: expected " + AssetUri.PREFIX + "<id>/<name>");
		}
		try {
			return AssetUri.parse(text);
		} catch (MediaLibraryException e) {
			throw new CommandFailure(e.getMessage());
		}
	}

	/** @return the JPEG quality: high, medium or low */
	public static QualityLevel quality(String option, String text) {
		return choice(option, text, QualityLevel.class);
	}

	/**
	 * @return the constant of the enum whose name, in lower case, is the text
	 */
	public static <E extends Enum<E>> E choice(String option, String text, Class<E> choices) {
		String wanted = text.trim().toLowerCase(Locale.ROOT);
		for (E constant : choices.getEnumConstants()) {
			if (constant.name().toLowerCase(Locale.ROOT).equals(wanted)) {
				return constant;
			}
		}
		throw new CommandFailure(option + ": expected one of " + names(choices) + ", not '" + text + "'");
	}

	/** @return the names of the constants as the user types them: {@code a|b|c} */
	public static String names(Class<? extends Enum<?>> choices) {
		return Arrays.stream(choices.getEnumConstants())
			.map(c -> c.name().toLowerCase(Locale.ROOT))
			.collect(Collectors.joining("|"));
	}

	private static long wholeNumber(String option, String text) {
		String trimmed = text.trim();
		if (!trimmed.matches("-?[0-9]{1,12}")) {
			throw new CommandFailure(option + ": not a whole number: '" + text + "'");
		}
		return Long.parseLong(trimmed);
	}
}
