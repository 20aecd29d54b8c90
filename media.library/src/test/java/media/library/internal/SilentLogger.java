package media.library.internal;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.log.Logger;

/** A Log Service logger for tests: keeps the error and warning messages, prints nothing. */
public final class SilentLogger {
	private final List<String> problems = new CopyOnWriteArrayList<>();
	private final Logger logger;

	public SilentLogger() {
		logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] { Logger.class },
				(proxy, method, args) -> {
					String name = method.getName();
					if ((name.equals("error") || name.equals("warn")) && args != null && args[0] instanceof String s) {
						problems.add(name + ": " + s);
					}
					return switch (method.getReturnType().getName()) {
						case "boolean" -> false;
						case "java.lang.String" -> "test";
						default -> null;
					};
				});
	}

	public Logger logger() {
		return logger;
	}

	/** @return the error and warning message patterns logged so far */
	public List<String> problems() {
		return List.copyOf(problems);
	}
}
