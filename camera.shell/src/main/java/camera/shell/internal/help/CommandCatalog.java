package camera.shell.internal.help;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import camera.shell.internal.console.UsageOverload;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;

/**
 * The shell's commands as help shows them: by scope, each with the methods a user calls (the usage overloads
 * marked {@link UsageOverload} are left out). Immutable once built.
 */
final class CommandCatalog {
	/** One command: {@code scope:name} and the methods that implement it. */
	record Command(String scope, String name, List<Method> methods) {
		String qualifiedName() {
			return scope + ":" + name;
		}

		/** @return the command's description up to its first semicolon, or an empty string */
		String summary() {
			return methods.stream()
				.map(m -> m.getAnnotation(Descriptor.class))
				.filter(d -> d != null && !d.value().isBlank())
				.map(d -> d.value().split(";", 2)[0].strip())
				.findFirst()
				.orElse("");
		}
	}

	private final SortedMap<String, SortedMap<String, Command>> scopes;

	private CommandCatalog(SortedMap<String, SortedMap<String, Command>> scopes) {
		this.scopes = scopes;
	}

	/**
	 * @param targets each command's {@code scope:name} and the object that implements it
	 */
	static CommandCatalog of(Map<String, Object> targets) {
		SortedMap<String, SortedMap<String, Command>> scopes = new TreeMap<>();
		targets.forEach((qualified, target) -> {
			int colon = qualified.indexOf(':');
			String scope = qualified.substring(0, colon);
			String name = qualified.substring(colon + 1);
			List<Method> methods = methods(target.getClass(), name);
			if (!methods.isEmpty()) {
				scopes.computeIfAbsent(scope, s -> new TreeMap<>()).put(name, new Command(scope, name, methods));
			}
		});
		return new CommandCatalog(scopes);
	}

	List<String> scopes() {
		return List.copyOf(scopes.keySet());
	}

	/** @return the commands of a scope, by name; empty when there is no such scope */
	List<Command> scope(String scope) {
		return List.copyOf(scopes.getOrDefault(scope, new TreeMap<>()).values());
	}

	/**
	 * @param name {@code scope:name}, or a bare name that is looked up in every scope
	 * @return the commands of that name, one per scope that has it
	 */
	List<Command> command(String name) {
		int colon = name.indexOf(':');
		if (colon >= 0) {
			Command command = scopes.getOrDefault(name.substring(0, colon), new TreeMap<>())
				.get(name.substring(colon + 1));
			return command == null ? List.of() : List.of(command);
		}
		return scopes.values().stream().map(commands -> commands.get(name)).filter(c -> c != null).toList();
	}

	/** The methods Gogo may call for a command of that name, as Gogo's own help finds them. */
	private static List<Method> methods(Class<?> type, String name) {
		String function = name.toLowerCase();
		List<String> candidates = List.of(function, "_" + function, "get" + function, "is" + function,
				"set" + function);
		List<Method> methods = new ArrayList<>();
		for (Method method : type.getMethods()) {
			if (candidates.contains(method.getName().toLowerCase()) && method.getDeclaringClass() != Object.class
					&& !method.isAnnotationPresent(UsageOverload.class)) {
				methods.add(method);
			}
		}
		methods.sort(Comparator.comparingInt((Method m) -> -userParameters(m)).thenComparing(Method::toString));
		return methods;
	}

	private static int userParameters(Method method) {
		return (int) Arrays.stream(method.getParameterTypes()).filter(t -> t != CommandSession.class).count();
	}

	@Override
	public String toString() {
		return scopes.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue().keySet())
			.collect(Collectors.joining(", "));
	}
}
