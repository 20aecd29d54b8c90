package camera.shell.internal.completion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import camera.api.CameraManager;
import media.library.PhotoAccessHelper;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.CommandSessionListener;
import org.apache.felix.service.command.Function;
import org.jline.builtins.Completers.CompletionData;
import org.jline.reader.Candidate;
import org.jline.reader.ParsedLine;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Tab completion of the camera, media and deferred commands in the Gogo JLine shell: option names, option values
 * and positional arguments, the live ones (camera ids, asset URIs) asked for at each Tab.
 * <p>
 * Gogo JLine completes from the definitions in its session variable {@code .completions}, which its
 * {@code complete} command fills from the profile. This listener adds the definitions of the command services of
 * these scopes, read from their annotations, to every interactive session before the session runs a script (the
 * profile first), so no profile needs to know them and they follow commands that come and go. Value completion
 * goes through one session function that reads the command line Gogo hands the completer in {@code .commandLine}.
 */
@Component(service = CommandSessionListener.class, immediate = true)
public final class ShellCompletion implements CommandSessionListener {
	/** Gogo JLine's session variable with the completion definitions of each command. */
	static final String COMPLETIONS = ".completions";
	/** Gogo JLine's session variable with the line being completed, while it evaluates a completion. */
	static final String COMMAND_LINE = ".commandLine";
	/** The session function the completion definitions call for values; its leading _ hides it from Tab. */
	static final String VALUES_FUNCTION = "__darkroom_values";
	/** The session variable with the commands whose definitions the session has. */
	static final String INSTALLED = "__darkroom_completed_commands";

	private final CommandServices commandServices;
	private final Function values = this::values;

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
			policyOption = ReferencePolicyOption.GREEDY)
	private volatile CameraManager cameraManager;

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
			policyOption = ReferencePolicyOption.GREEDY)
	private volatile PhotoAccessHelper photoAccessHelper;

	@Reference(service = LoggerFactory.class)
	private Logger log;

	@Activate
	public ShellCompletion(BundleContext context) throws InvalidSyntaxException {
		commandServices = new CommandServices(context, List.of("camera", "media", "deferred"));
		commandServices.open();
	}

	@Deactivate
	void deactivate() {
		commandServices.close();
	}

	@Override
	public void beforeExecute(CommandSession session, CharSequence commandLine) {
		List<CommandSyntax> current = commandServices.commands();
		// only interactive JLine sessions have completions; a new instance of this component replaces the old one's
		if (session.get(COMPLETIONS) instanceof Map<?, ?> completions
				&& (session.get(INSTALLED) != current || session.get(VALUES_FUNCTION) != values)) {
			@SuppressWarnings("unchecked")
			Map<String, List<CompletionData>> definitions = (Map<String, List<CompletionData>>) completions;
			if (session.get(INSTALLED) instanceof List<?> previous) {
				previous.stream()
					.filter(CommandSyntax.class::isInstance)
					.map(c -> ((CommandSyntax) c).name())
					.forEach(definitions::remove);
			}
			current.forEach(command -> definitions.put(command.name(), definitions(command)));
			session.put(INSTALLED, current);
			session.put(VALUES_FUNCTION, values);
		}
	}

	@Override
	public void afterExecute(CommandSession session, CharSequence commandLine, Exception exception) {
	}

	@Override
	public void afterExecute(CommandSession session, CharSequence commandLine, Object result) {
	}

	private static List<CompletionData> definitions(CommandSyntax command) {
		List<CompletionData> definitions = new ArrayList<>();
		// options, arguments and conditions null: the description Gogo shows beside the command's name
		definitions.add(new CompletionData(null, command.description(), null, null));
		for (OptionSyntax option : command.options()) {
			definitions.add(new CompletionData(option.names(), option.description(), null, null));
		}
		// one definition for every value of the command: JLine evaluates it for each word that is not an option
		definitions.add(new CompletionData(null, null, VALUES_FUNCTION + " " + command.name(), null));
		return definitions;
	}

	/** The session function: the candidates for the word being completed of the command named in the argument. */
	private Object values(CommandSession session, List<Object> arguments) {
		if (arguments.isEmpty() || !(session.get(COMMAND_LINE) instanceof ParsedLine line) || line.wordIndex() < 1) {
			return List.of();
		}
		Optional<CompletionValues> wanted = commandServices.commands()
			.stream()
			.filter(c -> c.name().equals(String.valueOf(arguments.getFirst())))
			.findFirst()
			.flatMap(c -> c.valuesAt(line.words(), line.wordIndex()));
		if (wanted.isEmpty()) {
			return List.of();
		}
		try {
			return new LiveValues(cameraManager, photoAccessHelper).of(wanted.get())
				.stream()
				.map(s -> new Candidate(s.value(), s.value(), null, s.description(), null, null, true))
				.toList();
		} catch (RuntimeException e) {
			// a camera or library going away under the Tab key: nothing to offer this time
			log.debug("no completion of {} for '{}': {}", wanted.get(), line.line(), e.toString());
			return List.of();
		}
	}
}
