package camera.shell.internal.completion;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import camera.shell.internal.console.UsageOverload;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;

/**
 * What a Gogo command accepts, read from the annotations of its method so that completion follows the command.
 * A command's usage overloads ({@link UsageOverload}) only explain mistakes; its syntax is the other overload
 * with the most parameters.
 *
 * @param name        the scoped name, e.g. {@code camera:capture}
 * @param description the command's {@code @Descriptor}
 * @param options     its options, in declaration order
 * @param operands    its positional arguments, in order
 */
public record CommandSyntax(String name, String description, List<OptionSyntax> options,
		List<OperandSyntax> operands) {

	/**
	 * @param scope     the command scope, {@code osgi.command.scope}
	 * @param commands  the class of the command service
	 * @param functions the command names, {@code osgi.command.function}
	 * @return the syntax of each function the public methods of {@code commands} provide
	 */
	public static List<CommandSyntax> of(String scope, Class<?> commands, Collection<String> functions) {
		Map<String, Method> fullest = new TreeMap<>();
		for (Method method : commands.getMethods()) {
			if (functions.contains(method.getName()) && !Modifier.isStatic(method.getModifiers())
					&& !method.isAnnotationPresent(UsageOverload.class)) {
				fullest.merge(method.getName(), method,
						(a, b) -> Comparator.comparingInt(Method::getParameterCount).compare(a, b) >= 0 ? a : b);
			}
		}
		return fullest.values().stream().map(method -> of(scope + ":" + method.getName(), method)).toList();
	}

	private static CommandSyntax of(String name, Method method) {
		List<OptionSyntax> options = new ArrayList<>();
		List<OperandSyntax> operands = new ArrayList<>();
		for (Parameter parameter : method.getParameters()) {
			if (parameter.getType() == CommandSession.class) {
				continue;
			}
			String description = describe(parameter.getAnnotation(Descriptor.class));
			CompletesWith completes = parameter.getAnnotation(CompletesWith.class);
			CompletionValues values = completes == null ? null : completes.value();
			org.apache.felix.service.command.Parameter option = parameter
				.getAnnotation(org.apache.felix.service.command.Parameter.class);
			if (option == null) {
				operands.add(new OperandSyntax(description, values));
			} else {
				boolean flag = !org.apache.felix.service.command.Parameter.UNSPECIFIED.equals(option.presentValue());
				options.add(new OptionSyntax(List.of(option.names()), description, !flag, values));
			}
		}
		return new CommandSyntax(name, describe(method.getAnnotation(Descriptor.class)), List.copyOf(options),
				List.copyOf(operands));
	}

	private static String describe(Descriptor descriptor) {
		return descriptor == null ? null : descriptor.value();
	}

	/** @return the option spelled {@code word}, if the command has one */
	public Optional<OptionSyntax> option(String word) {
		return options.stream().filter(o -> o.names().contains(word)).findFirst();
	}

	/**
	 * Which values fit the word being typed: the value of the option just before it, else the positional argument
	 * it is, counting past options and their values.
	 *
	 * @param words     the words of the command line, the command first
	 * @param wordIndex the index of the word being typed, at least 1
	 * @return the values to offer; empty for option names, free text and surplus words
	 */
	public Optional<CompletionValues> valuesAt(List<String> words, int wordIndex) {
		Optional<OptionSyntax> previous = option(words.get(wordIndex - 1));
		if (previous.isPresent() && previous.get().takesValue()) {
			return Optional.ofNullable(previous.get().values());
		}
		if (words.get(wordIndex).startsWith("-")) {
			return Optional.empty();
		}
		int operand = 0;
		for (int i = 1; i < wordIndex; i++) {
			Optional<OptionSyntax> option = option(words.get(i));
			if (option.isEmpty()) {
				operand++;
			} else if (option.get().takesValue()) {
				i++;
			}
		}
		return operand < operands.size() ? Optional.ofNullable(operands.get(operand).values()) : Optional.empty();
	}
}
