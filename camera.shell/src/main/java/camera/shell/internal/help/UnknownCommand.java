package camera.shell.internal.help;

import camera.shell.internal.console.CommandGuard;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;

/**
 * What the shell says for a command that does not exist: one line naming it and the help that lists what does,
 * in place of Gogo's exception and its class name. Gogo calls the command named {@code default}, when there is
 * one, with the unknown command's name and its arguments (the leading underscore makes a Java name of it).
 */
@Component(service = UnknownCommand.class, property = { "osgi.command.scope=gogo", "osgi.command.function=default" })
public final class UnknownCommand {

	@Descriptor("says in one line that a command does not exist")
	public void _default(CommandSession session, @Descriptor("the command's name") String name,
			@Descriptor("its arguments") Object... arguments) {
		CommandGuard.report(System.err, HelpText.noSuchCommand(name, ShellHelp.catalog(session)));
	}
}
