package camera.develop.remote;

import java.io.Serial;
import java.io.Serializable;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Where a node listens, written {@code HOST:PORT} ({@code [v6-address]:PORT} for IPv6), as both the node's
 * {@code darkroom.node.listen} and the device's {@code darkroom.remote.nodes} take it.
 *
 * @param host a host name or address
 * @param port 1..65535
 */
public record NodeAddress(String host, int port) implements Serializable {
	@Serial
	private static final long serialVersionUID = 1L;
	/** The port a node listens on unless told otherwise. */
	public static final int DEFAULT_PORT = 7700;
	/** Where a node listens unless told otherwise: loopback. */
	public static final NodeAddress LOOPBACK = new NodeAddress("127.0.0.1", DEFAULT_PORT);

	public NodeAddress {
		if (host == null || host.isBlank() || port < 1 || port > 65535) {
			throw new IllegalArgumentException("not a node address: " + host + ":" + port
					+ " (HOST:PORT with a port in 1..65535)");
		}
	}

	/**
	 * @param text {@code HOST:PORT}, or {@code HOST} for the {@link #DEFAULT_PORT}
	 * @throws IllegalArgumentException naming the text when it is not one
	 */
	public static NodeAddress parse(String text) {
		String value = text == null ? "" : text.strip();
		String host = value;
		String port = Integer.toString(DEFAULT_PORT);
		int colon = value.lastIndexOf(':');
		if (value.startsWith("[")) {
			int close = value.indexOf(']');
			if (close < 0) {
				throw new IllegalArgumentException("not a node address: '" + value + "' (HOST:PORT)");
			}
			host = value.substring(1, close);
			if (close + 1 < value.length()) {
				if (value.charAt(close + 1) != ':') {
					throw new IllegalArgumentException("not a node address: '" + value + "' (HOST:PORT)");
				}
				port = value.substring(close + 2);
			}
		} else if (colon >= 0) {
			host = value.substring(0, colon);
			port = value.substring(colon + 1);
		}
		try {
			return new NodeAddress(host, Integer.parseInt(port));
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException("not a node address: '" + value + "' (HOST:PORT)");
		}
	}

	/** @return whether the host names only this machine (without asking a name server for other names) */
	public boolean loopback() {
		if (host.equals("localhost")) {
			return true;
		}
		try {
			return host.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')
					&& InetAddress.getByName(host).isLoopbackAddress();
		} catch (UnknownHostException e) {
			return false;
		}
	}

	@Override
	public String toString() {
		return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
	}
}
