package camera.shell.internal.completion;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

/**
 * The syntax of the Gogo command services of some scopes, whichever bundle registers them, followed as they come
 * and go. Command services are known by their properties only, not by an interface, hence a tracker on a filter.
 */
final class CommandServices implements ServiceTrackerCustomizer<Object, ServiceReference<Object>> {
	private final BundleContext context;
	private final ServiceTracker<Object, ServiceReference<Object>> tracker;
	private final Map<ServiceReference<Object>, List<CommandSyntax>> byService = new ConcurrentHashMap<>();
	private volatile List<CommandSyntax> commands = List.of();

	CommandServices(BundleContext context, List<String> scopes) throws InvalidSyntaxException {
		this.context = context;
		StringBuilder filter = new StringBuilder("(|");
		scopes.forEach(scope -> filter.append("(osgi.command.scope=").append(scope).append(')'));
		this.tracker = new ServiceTracker<>(context, context.createFilter(filter.append(')').toString()), this);
	}

	void open() {
		// all services: a command's class need not be visible to this bundle to be read
		tracker.open(true);
	}

	void close() {
		tracker.close();
	}

	/** @return the commands registered now; the same list until one comes or goes */
	List<CommandSyntax> commands() {
		return commands;
	}

	@Override
	public ServiceReference<Object> addingService(ServiceReference<Object> reference) {
		Object service = context.getService(reference);
		if (service == null) {
			return null;
		}
		byService.put(reference, CommandSyntax.of(String.valueOf(reference.getProperty("osgi.command.scope")),
				service.getClass(), functions(reference)));
		changed();
		return reference;
	}

	@Override
	public void modifiedService(ServiceReference<Object> reference, ServiceReference<Object> tracked) {
		removedService(reference, tracked);
		addingService(reference);
	}

	@Override
	public void removedService(ServiceReference<Object> reference, ServiceReference<Object> tracked) {
		byService.remove(reference);
		changed();
		context.ungetService(reference);
	}

	private void changed() {
		commands = byService.values().stream().flatMap(List::stream).toList();
	}

	private static List<String> functions(ServiceReference<?> reference) {
		Object functions = reference.getProperty("osgi.command.function");
		return functions instanceof String[] names ? List.of(names) : List.of(String.valueOf(functions));
	}
}
