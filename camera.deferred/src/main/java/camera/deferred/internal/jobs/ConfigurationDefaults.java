package camera.deferred.internal.jobs;

import java.lang.reflect.Proxy;

/** A configuration annotation whose every attribute has its declared default, as DS gives it with no config. */
final class ConfigurationDefaults {
	private ConfigurationDefaults() {
	}

	static <A> A of(Class<A> type) {
		return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type },
				(proxy, method, arguments) -> switch (method.getName()) {
					case "annotationType" -> type;
					case "hashCode" -> System.identityHashCode(proxy);
					case "equals" -> proxy == arguments[0];
					case "toString" -> type.getSimpleName() + " defaults";
					default -> method.getDefaultValue();
				}));
	}
}
