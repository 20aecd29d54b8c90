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
 * token only when the request carries it, as {@code Authorization: Bearer} (programs) or as the session cookie
 * the login page set (browsers); state-changing requests only from the gallery's own origin, however they
 * authenticate. The login page and what it needs are open to everyone who may reach the gallery at all.
 *
 * @param token the configured token, empty for none
 */
public record AccessPolicy(String token) {
	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
	/** What a browser needs to sign in: the login page, its script and style, and the session resource. */
	private static final Set<String> OPEN_PATHS = Set.of(SessionServlet.LOGIN_PAGE, "/login.js", "/style.css",
			SessionServlet.PATH);

	public AccessPolicy {
		token = token == null ? "" : token.strip();
	}

	/**
	 * What the policy needs to know of a request.
	 *
	 * @param path    the request's path, as sent (not decoded)
	 * @param session the value of the session cookie, or {@code null}
	 */
	public record Caller(String method, String path, boolean onLoopback, String authorization, String session,
			String origin, String host, String fetchSite) {
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
		if (!OPEN_PATHS.contains(caller.path()) && !authenticates(caller.authorization(), caller.session())) {
			return Optional.of(new ApiError(WebErrorCode.UNAUTHORIZED,
					"this gallery needs 'Authorization: Bearer <token>' with the token configured in camera.web, "
							+ "or a browser signed in at " + SessionServlet.LOGIN_PAGE));
		}
		if (!SAFE_METHODS.contains(caller.method()) && fromAnotherOrigin(caller)) {
			return Optional.of(new ApiError(WebErrorCode.FORBIDDEN,
					"a " + caller.method() + " from another origin is refused: changes come from the gallery's own pages"));
		}
		return Optional.empty();
	}

	/**
	 * @param authorization the Authorization header, or {@code null}
	 * @param session       the session cookie's value, or {@code null}
	 * @return whether a request with these may proceed as far as the token goes: always without a token
	 */
	public boolean authenticates(String authorization, String session) {
		return !hasToken() || carriesToken(authorization) || carriesSession(session);
	}

	/** @return whether the text is the configured token; never for an empty configuration */
	public boolean isToken(String given) {
		return hasToken() && given != null
				&& MessageDigest.isEqual(given.strip().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
	}

	/** @return the session cookie's value for this token; empty without a token */
	public String session() {
		return hasToken() ? SessionCookie.valueFor(token) : "";
	}

	private boolean carriesToken(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return false;
		}
		return isToken(authorization.substring(7));
	}

	private boolean carriesSession(String session) {
		return hasToken() && session != null
				&& MessageDigest.isEqual(session.getBytes(StandardCharsets.UTF_8), session().getBytes(StandardCharsets.UTF_8));
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
