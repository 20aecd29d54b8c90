package camera.web.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import camera.web.internal.api.ApiError;

class AccessPolicyTest {
	static final String HOST = "127.0.0.1:8080";

	static AccessPolicy.Caller get(boolean loopback, String authorization) {
		return new AccessPolicy.Caller("GET", "/api/cameras", loopback, authorization, null, null, HOST, null);
	}

	static AccessPolicy.Caller post(String origin, String fetchSite) {
		return new AccessPolicy.Caller("POST", "/api/queue/pause", true, null, null, origin, HOST, fetchSite);
	}

	static AccessPolicy.Caller withSession(String method, String path, String session, String origin) {
		return new AccessPolicy.Caller(method, path, false, null, session, origin, HOST, null);
	}

	@Nested
	class WithoutAToken {
		final AccessPolicy policy = new AccessPolicy("");

		@Test
		void servesLoopbackRequests() {
			assertThat(policy.refusal(get(true, null))).isEmpty();
		}

		@Test
		void servesNothingOnAnotherAddress() {
			assertThat(policy.refusal(get(false, null))).get().extracting(ApiError::status, ApiError::code)
				.containsExactly(403, "FORBIDDEN");
		}

		@Test
		void aBlankTokenCountsAsNone() {
			assertThat(new AccessPolicy("  ").hasToken()).isFalse();
		}
	}

	@Nested
	class WithAToken {
		final AccessPolicy policy = new AccessPolicy("s3cret");

		@Test
		void servesARequestCarryingItOnAnyAddress() {
			assertThat(policy.refusal(get(false, "Bearer s3cret"))).isEmpty();
			assertThat(policy.refusal(get(true, "bearer s3cret"))).isEmpty();
		}

		@Test
		void refusesARequestWithoutItWith401() {
			assertThat(policy.refusal(get(false, null))).get().extracting(ApiError::status, ApiError::code)
				.containsExactly(401, "UNAUTHORIZED");
		}

		@Test
		void refusesAWrongOrPartialToken() {
			assertThat(policy.refusal(get(false, "Bearer s3cre"))).isPresent();
			assertThat(policy.refusal(get(false, "Bearer s3cretx"))).isPresent();
			assertThat(policy.refusal(get(false, "Basic s3cret"))).isPresent();
			assertThat(policy.refusal(get(false, "s3cret"))).isPresent();
		}

		@Test
		void isRequiredOnLoopbackToo() {
			assertThat(policy.refusal(get(true, null))).isPresent();
		}
	}

	@Nested
	class BrowserSessions {
		final AccessPolicy policy = new AccessPolicy("s3cret");

		@Test
		void theSessionCookieOfTheTokenServesARequestOnAnyAddress() {
			assertThat(policy.refusal(withSession("GET", "/api/cameras", policy.session(), null))).isEmpty();
			assertThat(policy.refusal(withSession("GET", "/", policy.session(), null))).isEmpty();
		}

		@Test
		void aWrongOrMissingCookieIsRefusedWith401() {
			assertThat(policy.refusal(withSession("GET", "/api/cameras", "forged", null))).get()
				.extracting(ApiError::status)
				.isEqualTo(401);
			assertThat(policy.refusal(withSession("GET", "/", null, null))).isPresent();
			assertThat(policy.refusal(withSession("GET", "/", "", null))).isPresent();
		}

		@Test
		void theCookieIsNotTheTokenAndChangesWithIt() {
			assertThat(policy.session()).isNotBlank().doesNotContain("s3cret");
			assertThat(new AccessPolicy("other").session()).isNotEqualTo(policy.session());
			assertThat(policy.refusal(withSession("GET", "/", new AccessPolicy("other").session(), null))).isPresent();
		}

		@Test
		void aChangeFromAnotherOriginIsRefusedEvenWithTheCookie() {
			assertThat(policy.refusal(withSession("POST", "/api/queue/pause", policy.session(), "http://evil.example")))
				.get()
				.extracting(ApiError::code)
				.isEqualTo("FORBIDDEN");
		}

		@Test
		void theLoginPageAndTheSessionResourceNeedNoCredential() {
			assertThat(policy.refusal(withSession("GET", "/login.html", null, null))).isEmpty();
			assertThat(policy.refusal(withSession("GET", "/login.js", null, null))).isEmpty();
			assertThat(policy.refusal(withSession("POST", "/api/session", null, null))).isEmpty();
		}

		@Test
		void signingInFromAnotherOriginIsRefused() {
			assertThat(policy.refusal(withSession("POST", "/api/session", null, "http://evil.example"))).get()
				.extracting(ApiError::code)
				.isEqualTo("FORBIDDEN");
		}

		@Test
		void withoutATokenNoCookieIsMadeAndNoneIsAccepted() {
			AccessPolicy open = new AccessPolicy("");

			assertThat(open.session()).isEmpty();
			assertThat(open.isToken("")).isFalse();
		}

		@Test
		void anExposedAddressWithoutATokenServesNotEvenTheLoginPage() {
			assertThat(new AccessPolicy("").refusal(withSession("GET", "/login.html", null, null))).get()
				.extracting(ApiError::status)
				.isEqualTo(403);
		}
	}

	@Nested
	class Origins {
		final AccessPolicy policy = new AccessPolicy("");

		@Test
		void aChangeFromTheGallerysOwnOriginIsServed() {
			assertThat(policy.refusal(post("http://127.0.0.1:8080", "same-origin"))).isEmpty();
		}

		@Test
		void aChangeWithoutOriginFromAProgramIsServed() {
			assertThat(policy.refusal(post(null, null))).isEmpty();
		}

		@Test
		void aChangeFromAnotherOriginIsRefused() {
			assertThat(policy.refusal(post("http://evil.example", null))).get().extracting(ApiError::code)
				.isEqualTo("FORBIDDEN");
			assertThat(policy.refusal(post("http://127.0.0.1:9999", null))).isPresent();
			assertThat(policy.refusal(post("null", null))).isPresent();
		}

		@Test
		void aCrossSiteFetchIsRefusedEvenWithoutOrigin() {
			assertThat(policy.refusal(post(null, "cross-site"))).isPresent();
		}

		@Test
		void readingFromAnotherOriginIsNotAChange() {
			assertThat(policy.refusal(new AccessPolicy.Caller("GET", "/api/cameras", true, null, null,
				"http://evil.example", HOST, null)))
				.isEmpty();
		}
	}

	@Nested
	class EndpointAddresses {
		@Test
		void loopbackEndpointsAreNotExposed() {
			assertThat(Endpoints.exposed(Endpoints.of(new String[] { "http://127.0.0.1:8080/", "http://[::1]:8080/" })))
				.isEmpty();
		}

		@Test
		void anyOtherAddressIsExposed() {
			assertThat(Endpoints.exposed(Endpoints.of("http://0.0.0.0:8080/"))).hasSize(1);
			assertThat(Endpoints.exposed(Endpoints.of("http://192.168.1.20:8080/"))).hasSize(1);
		}
	}
}
