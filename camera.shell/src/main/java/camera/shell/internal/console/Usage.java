package camera.shell.internal.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The line a command prints when Gogo could not match its arguments to the command's parameters: it names the
 * arguments the command does not take, or the option left without its value, and shows the usage.
 *
 * @param command      the command's name, e.g. {@code camera:capture}
 * @param usage        its synopsis, e.g. {@code camera:capture [-n count]}
 * @param valueOptions the names of its options that take a value
 * @param flags        the names of its options that take no value
 * @param positionals  how many positional arguments it takes
 */
public record Usage(String command, String usage, Set<String> valueOptions, Set<String> flags, int positionals) {
	/** The option every command takes: it prints the command's usage and does nothing else. */
	public static final String HELP = "--help";

	/**
	 * Prints the usage on the output stream when the arguments ask for {@value #HELP}, else the line that explains
	 * what is wrong with them on the error stream.
	 */
	public void report(String... arguments) {
		if (List.of(arguments).contains(HELP)) {
			System.out.println("usage: " + usage);
		} else {
			CommandGuard.report(System.err, explain(arguments));
		}
	}

	/** @return whether a command's operand is {@value #HELP}, which a command reports rather than uses */
	public static boolean asksForHelp(String operand) {
		return HELP.equals(operand);
	}

	/** @return the one line that explains what is wrong with these arguments */
	public String explain(String... arguments) {
		List<String> unexpected = new ArrayList<>();
		boolean valueMissing = false;
		int positional = 0;
		for (int i = 0; i < arguments.length; i++) {
			if (flags.contains(arguments[i])) {
				continue;
			}
			if (valueOptions.contains(arguments[i])) {
				valueMissing |= i + 1 == arguments.length;
				i++;
			} else if (positional < positionals && !arguments[i].startsWith("-")) {
				positional++;
			} else {
				unexpected.add(arguments[i]);
			}
		}
		if (!unexpected.isEmpty()) {
			return command + " does not take '" + String.join(" ", unexpected) + "'; usage: " + usage;
		}
		if (valueMissing) {
			return command + ": the option " + arguments[arguments.length - 1] + " needs a value; usage: " + usage;
		}
		return "usage: " + usage;
	}

	/**
	 * @return {@code first} and {@code rest} as one array, for the usage overloads that take at least one argument
	 *         so that Gogo never picks them for a call without arguments
	 */
	public static String[] join(String first, String... rest) {
		String[] all = new String[rest.length + 1];
		all[0] = first;
		System.arraycopy(rest, 0, all, 1, rest.length);
		return all;
	}
}
