package camera.develop.internal.pipeline;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Instances of component configuration annotation types with their defaults, some overridden, for tests. */
public final class Configurations {
	private Configurations() {
	}

	public static <A> A of(Class<A> type, Map<String, Object> overrides) {
		Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
			if (method.getName().equals("annotationType")) {
				return type;
			}
			Object value = overrides.get(method.getName());
			return value != null ? value : method.getDefaultValue();
		});
		return type.cast(proxy);
	}

	public static TiledPhotoDeveloper developer(Map<String, Object> overrides) {
		return new TiledPhotoDeveloper(of(TiledPhotoDeveloper.Configuration.class, overrides));
	}
}
