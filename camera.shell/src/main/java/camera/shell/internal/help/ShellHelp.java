package camera.shell.internal.help;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import camera.shell.internal.help.CommandCatalog.Command;

import org.apache.felix.gogo.runtime.CommandProxy;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;

/**
 * {@code help} for every command of the shell, Darkroom's first: {@code help} lists Darkroom's scopes and the
 * others, {@code help <scope>} each command of a scope with one line, {@code help <command>} its options, without
 * the overloads that only explain a wrong call. It takes the place of Gogo's own {@code gogo:help} (which lists
 * every command name and nothing about a scope) by registering the same command with a higher service ranking.
 */
@Component(service = ShellHelp.class, property = { "osgi.command.scope=gogo", "osgi.command.function=help",
		"service.ranking:Integer=1" })
public final class ShellHelp {

	@Descriptor("lists Darkroom's commands by scope, and the other scopes")
	public void help(CommandSession session) {
		HelpText.overview(catalog(session)).forEach(System.out::println);
	}

	@Descriptor("lists the commands of a scope with one line each, or shows how to call a command")
	public void help(CommandSession session,
			@Descriptor("a scope (camera, media, deferred, ...) or a command (camera:capture, lb, ...)") String name) {
		CommandCatalog catalog = catalog(session);
		List<Command> scope = catalog.scope(name);
		List<Command> commands = catalog.command(name);
		if (!scope.isEmpty()) {
			HelpText.scope(scope).forEach(System.out::println);
		} else if (!commands.isEmpty()) {
			commands.forEach(command -> HelpText.command(command).forEach(System.out::println));
		} else {
			System.err.println(HelpText.unknown(name, catalog));
		}
	}

	@SuppressWarnings("unchecked")
	static CommandCatalog catalog(CommandSession session) {
		Map<String, Object> targets = new LinkedHashMap<>();
		for (String name : (Set<String>) session.get(".commands")) {
			if (session.get(name) instanceof CommandProxy proxy) {
				try {
					targets.put(name, proxy.getTarget());
				} finally {
					proxy.ungetTarget();
				}
			}
		}
		return CommandCatalog.of(targets);
	}
}
