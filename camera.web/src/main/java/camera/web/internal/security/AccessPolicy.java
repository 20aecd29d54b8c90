package camera.web.internal.security;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import camera.web.internal.api.ApiError;
import camera.web.internal.api.WebErrorCode;

/**
 * Decides whether the gallery answers a request: on a non-loopback address only with a configured token; with a
 * token only when the request carries it; state-changing requests only from the gallery's own origin.
 *
 * @param token the configured token, empty for none
 */
public record AccessPolicy(String token) {
	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

	public AccessPolicy {
		token = token == null ? "" : token.strip();
	}

	/** What the policy needs to know of a request. */
	public record Caller(String method, boolean onLoopback, String authorization, String origin, String host,
			String fetchSite) {
	}

	/** @return whether a token is configured */
	public boolean hasToken() {
		return !token.isEmpty();
	}

	/** @return the reason the request is refused, or empty when it may proceed */
	public Optional<ApiError> refusal(Caller caller) {
		if (!hasToken() && !caller.onLoopback()) {
			return Optional.of(new ApiError(WebErrorCode.FORBIDDEN,
					"this server listens on a non-loopback address and no token is configured in camera.web: "
							+ "the gallery serves nothing"));
		}
		if (hasToken() && !carriesToken(caller.authorization())) {
			return Optional.of(new ApiError(WebErrorCode.UNAUTHORIZED,
					"this gallery needs 'Authorization: Bearer <token>' with the token configured in camera.web"));
		}
		if (!SAFE_METHODS.contains(caller.method()) && fromAnotherOrigin(caller)) {
			return Optional.of(new ApiError(WebErrorCode.FORBIDDEN,
					"a " + caller.method() + " from another origin is refused: changes come from the gallery's own pages"));
		}
		return Optional.empty();
	}

	private boolean carriesToken(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return false;
		}
		byte[] given = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
		return MessageDigest.isEqual(given, token.getBytes(StandardCharsets.UTF_8));
	}

	private static boolean fromAnotherOrigin(Caller caller) {
		if ("cross-site".equalsIgnoreCase(caller.fetchSite())) {
			return true;
		}
		String origin = caller.origin();
		if (origin == null) {
			return false; // not a browser's cross-origin request: browsers send Origin with every such request
		}
		try {
			URI uri = URI.create(origin.strip());
			if (uri.getHost() == null || caller.host() == null) {
				return true;
			}
			String authority = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
			return !authority.toLowerCase(Locale.ROOT).equals(caller.host().strip().toLowerCase(Locale.ROOT));
		} catch (IllegalArgumentException e) {
			return true; // "null" or garbage: an opaque origin is never the gallery's
		}
	}
}
