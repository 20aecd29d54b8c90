package camera.shell.internal.input;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import camera.shell.internal.console.CommandFailure;

/**
 * The URI of a media library asset as the user typed it, checked strictly before any service sees it:
 * {@code file://media/Photo/<id>/<name>.<extension>} with a decimal id without sign or leading zero and a file
 * name that cannot name another directory.
 *
 * @param id          the asset id, positive
 * @param displayName the file name
 */
public record AssetUri(long id, String displayName) {
	private static final String PREFIX = "file://media/Photo/";
	private static final Pattern SHAPE = Pattern.compile("file://media/Photo/([1-9][0-9]{0,17})/([^/\\\\]+)");
	private static final int MAX_NAME_BYTES = 255;

	/**
	 * @throws CommandFailure naming what is wrong with the text
	 */
	public static AssetUri parse(String text) {
		if (text == null || text.isBlank()) {
			throw new CommandFailure("missing asset URI: expected " + PREFIX + "<id>/<name>");
		}
		Matcher matcher = SHAPE.matcher(text);
		if (!matcher.matches()) {
			throw invalid(text, "expected " + PREFIX + "<id>/<name>");
		}
		String name = matcher.group(2);
		if (name.chars().anyMatch(Character::isISOControl)) {
			throw invalid(text, "the name holds a control character");
		}
		if (name.startsWith(".") || name.contains("..")) {
			throw invalid(text, "the name may not start with a dot or hold '..'");
		}
		if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
			throw invalid(text, "the name is longer than " + MAX_NAME_BYTES + " bytes");
		}
		if (name.lastIndexOf('.') < 1 || name.endsWith(".")) {
			throw invalid(text, "the name has no file extension");
		}
		return new AssetUri(Long.parseLong(matcher.group(1)), name);
	}

	private static CommandFailure invalid(String text, String why) {
		return new CommandFailure("not an asset URI: '" + printable(text) + "': " + why);
	}

	private static String printable(String text) {
		return text.replaceAll("\\p{Cntrl}", "?");
	}

	@Override
	public String toString() {
		return PREFIX + id + "/" + displayName;
	}
}
