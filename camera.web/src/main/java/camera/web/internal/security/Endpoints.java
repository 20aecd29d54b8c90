package camera.web.internal.security;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.List;

/** Where the HTTP service says it listens: its {@code osgi.http.endpoint} URLs. */
public final class Endpoints {

	private Endpoints() {
	}

	/** @return the endpoint URLs of a service property value (a String, String[] or collection) */
	public static List<String> of(Object property) {
		return switch (property) {
			case null -> List.of();
			case String s -> List.of(s);
			case String[] a -> List.of(a);
			case Collection<?> c -> c.stream().map(String::valueOf).toList();
			default -> List.of(String.valueOf(property));
		};
	}

	/** @return the endpoints that are not on a loopback address */
	public static List<String> exposed(List<String> endpoints) {
		return endpoints.stream().filter(e -> !isLoopback(e)).toList();
	}

	/** @return whether the URL's host is a loopback address; {@code false} when it cannot tell */
	public static boolean isLoopback(String url) {
		try {
			String host = URI.create(url).getHost();
			return host != null && isLoopbackAddress(host);
		} catch (IllegalArgumentException e) {
			return false;
		}
	}

	/** @return whether a literal address or name is loopback; names are resolved, literals are not looked up */
	public static boolean isLoopbackAddress(String host) {
		String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
		try {
			return InetAddress.getByName(bare).isLoopbackAddress();
		} catch (UnknownHostException e) {
			return false;
		}
	}
}
