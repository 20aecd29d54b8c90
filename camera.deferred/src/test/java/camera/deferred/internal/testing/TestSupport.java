package camera.deferred.internal.testing;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import org.osgi.service.log.Logger;

/** Small stand-ins for what OSGi would hand a component. */
public final class TestSupport {
	private TestSupport() {
	}

	/** @return a logger that prints warnings and errors (so failures are explained) and drops the rest */
	public static Logger logger() {
		return logger((level, format, args) -> System.err.println(level + ": " + format));
	}

	/**
	 * @return a logger that records each warning and error as {@code "<level>: <message>"}, the arguments put in
	 *         place of the message's {@code {}}, and drops the rest
	 */
	public static Logger recordingLogger(List<String> lines) {
		return logger((level, format, args) -> {
			String message = format;
			for (int i = 1; i < args.length; i++) {
				message = message.replaceFirst("\\{}", Matcher.quoteReplacement(String.valueOf(args[i])));
			}
			lines.add(level + ": " + message);
		});
	}

	/** What a test logger does with a warning or an error; {@code args[0]} is the format. */
	private interface Sink {
		void log(String level, String format, Object[] args);
	}

	private static Logger logger(Sink sink) {
		return (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] { Logger.class },
				(proxy, method, args) -> {
					if ((method.getName().equals("warn") || method.getName().equals("error")) && args != null
							&& args[0] instanceof String format) {
						sink.log(method.getName(), format, args);
					}
					Class<?> type = method.getReturnType();
					if (type == boolean.class) {
						return false;
					}
					return type == String.class ? "test" : null;
				});
	}

	/** @return a configuration annotation with its defaults, some overridden by name */
	public static <A> A config(Class<A> type, Map<String, Object> overrides) {
		return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type },
				(proxy, method, args) -> switch (method.getName()) {
					case "annotationType" -> type;
					case "hashCode" -> 0;
					case "equals" -> proxy == args[0];
					case "toString" -> type.getSimpleName() + overrides;
					default -> overrides.getOrDefault(method.getName(), method.getDefaultValue());
				}));
	}

	/** A clock the test moves by hand. */
	public static final class ManualClock extends Clock {
		private volatile Instant now;

		public ManualClock(Instant start) {
			now = start;
		}

		public void advance(java.time.Duration by) {
			now = now.plus(by);
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}
	}
}
