package camera.web.internal.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Supplier;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.log.Logger;

import com.google.gson.JsonParseException;

import camera.web.internal.api.ApiError;
import camera.web.internal.api.ApiReply;
import camera.web.internal.api.WebErrorCode;
import camera.web.internal.json.Json;

/**
 * {@code /api/session}: how a browser signs in to a gallery that has a token. {@code POST {"token":"..."}} with
 * the configured token sets the {@link SessionCookie}; {@code DELETE} clears it; {@code GET} says whether a
 * token is needed and whether this request carries one. The access policy lets every request reach it (the
 * login page must work before one is signed in), except that a POST or DELETE from another origin is refused
 * there as everywhere. Programs go on sending {@code Authorization: Bearer} and need none of this.
 */
final class SessionServlet extends HttpServlet {
	private static final long serialVersionUID = 1L;
	static final String PATH = "/api/session";
	static final String LOGIN_PAGE = "/login.html";
	private static final int MAX_BODY_BYTES = 4096;

	private final transient Supplier<AccessPolicy> policy;
	private final transient Logger log;

	SessionServlet(Supplier<AccessPolicy> policy, Logger log) {
		this.policy = policy;
		this.log = log;
	}

	/** The body of a sign-in. */
	record SignIn(String token) {
	}

	/** The state of a browser's session. */
	record State(boolean tokenRequired, boolean signedIn) {
	}

	@Override
	protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
		ApiReply reply;
		try {
			reply = switch (request.getMethod().toUpperCase(Locale.ROOT)) {
				case "GET" -> state(request);
				case "POST" -> signIn(request);
				case "DELETE" -> signedOut(request);
				default -> throw new ApiError(WebErrorCode.METHOD_NOT_ALLOWED,
						"use GET, POST or DELETE on " + PATH);
			};
		} catch (ApiError e) {
			reply = ApiReply.error(e);
		}
		reply.writeTo(response);
	}

	private ApiReply state(HttpServletRequest request) {
		AccessPolicy current = policy.get();
		return ApiReply.json(new State(current.hasToken(),
				current.hasToken() && current.authenticates(request.getHeader("Authorization"), session(request))));
	}

	private ApiReply signIn(HttpServletRequest request) throws IOException {
		SignIn signIn;
		try {
			signIn = Json.read(body(request), SignIn.class);
		} catch (JsonParseException e) {
			throw new ApiError(WebErrorCode.INVALID_REQUEST, "send {\"token\":\"<the token>\"} as JSON");
		}
		AccessPolicy current = policy.get();
		if (!current.hasToken()) {
			return ApiReply.noContent();
		}
		if (!current.isToken(signIn.token())) {
			log.warn("camera.web: a sign-in from {} with a token that is not the configured one was refused",
					request.getRemoteAddr());
			throw new ApiError(WebErrorCode.UNAUTHORIZED, "that is not the token configured in camera.web");
		}
		return ApiReply.noContent().withHeader("Set-Cookie",
				SessionCookie.signIn(current.session(), request.isSecure()));
	}

	private static ApiReply signedOut(HttpServletRequest request) {
		return ApiReply.noContent().withHeader("Set-Cookie",
				SessionCookie.signOut(request.isSecure()));
	}

	/** @return the value of the session cookie the request carries, or {@code null} */
	static String session(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (Cookie cookie : cookies) {
			if (SessionCookie.NAME.equals(cookie.getName())) {
				return cookie.getValue();
			}
		}
		return null;
	}

	private static String body(HttpServletRequest request) throws IOException {
		try (InputStream in = request.getInputStream()) {
			byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
			if (bytes.length > MAX_BODY_BYTES) {
				throw new ApiError(413, WebErrorCode.INVALID_REQUEST.name(),
						"the body is larger than " + MAX_BODY_BYTES + " bytes");
			}
			return new String(bytes, StandardCharsets.UTF_8);
		}
	}
}
