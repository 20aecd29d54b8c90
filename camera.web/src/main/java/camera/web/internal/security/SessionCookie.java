package camera.web.internal.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The cookie a browser signed in with: {@code darkroom-session}, HttpOnly and SameSite=Strict, so that no script
 * reads it and no other site's page sends it. Its value is derived from the token (an HMAC of a fixed label keyed
 * with it) rather than the token itself: the cookie does not reveal the token, and changing the token signs out
 * every browser. It lasts as long as the browser's session.
 */
final class SessionCookie {
	static final String NAME = "darkroom-session";
	private static final String LABEL = "camera.web browser session";

	private SessionCookie() {
	}

	static String valueFor(String token) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(LABEL.getBytes(StandardCharsets.UTF_8)));
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("every Java has HmacSHA256", e);
		}
	}

	/** @return the Set-Cookie header that signs a browser in */
	static String signIn(String value, boolean secure) {
		return NAME + "=" + value + "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
	}

	/** @return the Set-Cookie header that signs a browser out */
	static String signOut(boolean secure) {
		return NAME + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
	}
}
