package camera.hal.v4l2.internal.discovery;

import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.osgi.service.log.Logger;

/** A Log Service logger for tests and the guest probe: keeps each message and echoes it to a stream. */
public final class ConsoleLogger {
	private ConsoleLogger() {
	}

	/** @return a logger that appends "LEVEL message" to {@code messages} and prints it */
	public static Logger create(PrintStream out, List<String> messages) {
		List<String> kept = Collections.synchronizedList(messages);
		return (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] { Logger.class },
				(proxy, method, arguments) -> {
					if (method.getDeclaringClass() == Object.class) {
						return method.getName().equals("toString") ? "ConsoleLogger" : null;
					}
					if (arguments != null && arguments.length > 0 && arguments[0] instanceof String format) {
						String line = method.getName().toUpperCase() + " " + format(format, arguments);
						kept.add(line);
						out.println(line);
						return null;
					}
					return switch (method.getName()) {
					case "getName" -> "test";
					case "isTraceEnabled", "isDebugEnabled", "isInfoEnabled", "isWarnEnabled", "isErrorEnabled" -> true;
					default -> null;
					};
				});
	}

	public static Logger create() {
		return create(System.out, new ArrayList<>());
	}

	private static String format(String format, Object[] arguments) {
		List<Object> values = new ArrayList<>();
		for (int i = 1; i < arguments.length; i++) {
			if (arguments[i] instanceof Object[] array) {
				values.addAll(List.of(array));
			} else {
				values.add(arguments[i]);
			}
		}
		StringBuilder text = new StringBuilder();
		int value = 0;
		int from = 0;
		for (int at = format.indexOf("{}"); at >= 0; at = format.indexOf("{}", from)) {
			text.append(format, from, at).append(value < values.size() ? values.get(value++) : "{}");
			from = at + 2;
		}
		return text.append(format.substring(from)).toString();
	}
}
