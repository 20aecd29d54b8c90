package camera.shell.internal.help;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import camera.shell.internal.help.CommandCatalog.Command;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;

/** What {@code help} prints, as lines. Stateless and thread-safe. */
final class HelpText {
	/** Darkroom's scopes, listed first by {@code help}. */
	static final List<String> DARKROOM_SCOPES = List.of("camera", "media", "deferred");

	private HelpText() {
	}

	/** {@code help}: Darkroom's scopes with their command names, then the other scopes. */
	static List<String> overview(CommandCatalog catalog) {
		List<String> lines = new ArrayList<>();
		lines.add("Darkroom's commands (help <scope>: one line on each; help <command>: its options):");
		for (String scope : DARKROOM_SCOPES) {
			List<Command> commands = catalog.scope(scope);
			if (!commands.isEmpty()) {
				lines.add(String.format("  %-10s %s", scope,
						commands.stream().map(Command::name).collect(Collectors.joining(", "))));
			}
		}
		List<String> others = catalog.scopes().stream().filter(s -> !DARKROOM_SCOPES.contains(s)).toList();
		lines.add("Other scopes: " + String.join(", ", others) + ". exit [status] stops the platform.");
		return lines;
	}

	/** {@code help <scope>}: each command of the scope with its description up to the first semicolon. */
	static List<String> scope(List<Command> commands) {
		int width = commands.stream().mapToInt(c -> c.qualifiedName().length()).max().orElse(0);
		return commands.stream()
			.map(c -> String.format("%-" + width + "s   %s", c.qualifiedName(), c.summary()).stripTrailing())
			.toList();
	}

	/** {@code help <command>}: each way to call the command, with its options and parameters. */
	static List<String> command(Command command) {
		List<String> lines = new ArrayList<>();
		for (Method method : command.methods()) {
			Descriptor descriptor = method.getAnnotation(Descriptor.class);
			lines.add(command.qualifiedName() + (descriptor == null ? "" : " - " + descriptor.value()));
			List<String> flags = new ArrayList<>();
			List<String> options = new ArrayList<>();
			List<String> parameters = new ArrayList<>();
			Class<?>[] types = method.getParameterTypes();
			Annotation[][] annotations = method.getParameterAnnotations();
			for (int i = 0; i < types.length; i++) {
				if (types[i] == CommandSession.class) {
					continue;
				}
				Parameter parameter = find(annotations[i], Parameter.class);
				Descriptor described = find(annotations[i], Descriptor.class);
				String description = described == null ? "" : described.value();
				if (parameter == null) {
					parameters.add("      " + types[i].getSimpleName() + "   " + description);
				} else if (parameter.presentValue().equals(Parameter.UNSPECIFIED)) {
					options.add("      " + String.join(", ", parameter.names()) + "   " + description);
				} else {
					flags.add("      " + String.join(", ", parameter.names()) + "   " + description);
				}
			}
			section(lines, "flags", flags);
			section(lines, "options", options);
			section(lines, "parameters", parameters);
		}
		return lines;
	}

	/** The line for a name that is neither a command nor a scope. */
	static String unknown(String name, CommandCatalog catalog) {
		return "help: no command or scope '" + name + "'; the scopes are " + String.join(", ", catalog.scopes());
	}

	/** @return the one line for a command that does not exist, pointing at the help that lists what does */
	static String noSuchCommand(String name, CommandCatalog catalog) {
		int colon = name.indexOf(':');
		String scope = colon < 0 ? "" : name.substring(0, colon);
		if (catalog.scopes().contains(scope)) {
			return "no command '" + name + "': 'help " + scope + "' lists the commands of " + scope;
		}
		return "no command '" + name + "': 'help' lists the scopes and their commands";
	}

	private static void section(List<String> lines, String title, List<String> entries) {
		if (!entries.isEmpty()) {
			lines.add("   " + title + ":");
			lines.addAll(entries);
		}
	}

	private static <T extends Annotation> T find(Annotation[] annotations, Class<T> type) {
		for (Annotation annotation : annotations) {
			if (type.isInstance(annotation)) {
				return type.cast(annotation);
			}
		}
		return null;
	}
}
