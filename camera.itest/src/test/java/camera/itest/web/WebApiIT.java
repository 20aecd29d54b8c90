package camera.itest.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import com.google.gson.JsonObject;

import camera.api.DeferredProcessing;

/**
 * The web API through real HTTP requests against the running HTTP Whiteboard: a photo from capture to FULL, and
 * the error paths, each answered with one line of JSON and changing nothing.
 */
@ExtendWith({ BundleContextExtension.class, ServiceExtension.class })
class WebApiIT {
	static final String SMALL = "640x480";

	@InjectBundleContext
	BundleContext context;
	@InjectService(timeout = 20_000)
	DeferredProcessing deferred;
	@InjectService(timeout = 20_000)
	ConfigurationAdmin configurations;

	Gallery gallery;

	@BeforeEach
	void awaitGallery() throws Exception {
		gallery = Gallery.await(context);
	}

	JsonObject captureOne() throws Exception {
		Gallery.Reply reply = gallery.post("/api/captures", "{\"mode\":\"deferred\",\"count\":1,\"size\":\"" + SMALL + "\"}");
		assertThat(reply.status()).as(reply.text()).isEqualTo(201);
		return reply.json().getAsJsonArray("captures").get(0).getAsJsonObject().getAsJsonObject("asset");
	}

	static void assertOneLineError(Gallery.Reply reply, int status, String code) {
		assertThat(reply.status()).as(reply.text()).isEqualTo(status);
		assertThat(reply.header("Content-Type")).get().asString().startsWith("application/json");
		assertThat(reply.text()).doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ");
		assertThat(reply.json().get("error").getAsString()).isEqualTo(code);
		assertThat(reply.json().get("message").getAsString()).isNotBlank();
	}

	@Nested
	class APhoto {
		@Test
		void goesFromCaptureThroughTheListAndItsImageToFullOnRequest() throws Exception {
			deferred.pause(); // nothing develops it unless it is requested
			try (EventStream events = gallery.events()) {
				JsonObject asset = captureOne();
				String href = asset.get("href").getAsString();
				assertThat(asset.get("quality").getAsString()).isEqualTo("FAST");
				assertThat(asset.get("jobId").isJsonNull()).isFalse();

				JsonObject newest = gallery.get("/api/assets?limit=1").json().getAsJsonArray("assets").get(0)
					.getAsJsonObject();
				assertThat(newest.get("href").getAsString()).isEqualTo(href);

				Gallery.Reply fast = gallery.get(href + "/image");
				assertThat(fast.status()).isEqualTo(200);
				assertThat(fast.header("Content-Type")).contains("image/jpeg");
				assertThat(fast.body()).startsWith((byte) 0xFF, (byte) 0xD8);
				String fastTag = fast.header("ETag").orElseThrow();
				assertThat(gallery.get(href + "/image", "If-None-Match", fastTag).status()).isEqualTo(304);
				assertThat(gallery.get(href + "/thumbnail").status()).isEqualTo(200);

				assertThat(gallery.post(href + "/request", "").status()).isEqualTo(202);
				events.await(e -> e.get("type").getAsString().equals("quality") && href.equals(e.get("href").getAsString())
						&& e.get("quality").getAsString().equals("FULL"), Gallery.WAIT, "FULL event of " + href);

				Gallery.Reply full = gallery.get(href + "/image", "If-None-Match", fastTag);
				assertThat(full.status()).isEqualTo(200);
				assertThat(full.header("ETag")).isPresent().get().isNotEqualTo(fastTag);
				assertThat(full.header("X-Asset-Quality")).contains("FULL");
				assertThat(gallery.get(href).json().get("quality").getAsString()).isEqualTo("FULL");
			} finally {
				deferred.resume();
			}
		}

		@Test
		void isFoundByItsIdAloneAndByTheOlderAddressWithItsName() throws Exception {
			JsonObject asset = captureOne();
			long id = asset.get("id").getAsLong();

			JsonObject byId = gallery.get("/api/assets/" + id).json();
			assertThat(byId.get("uri").getAsString()).isEqualTo(asset.get("uri").getAsString());
			assertThat(asset.get("href").getAsString()).isEqualTo("/api/assets/" + id);
			assertThat(gallery.get("/api/assets/" + id + "/image").body()).startsWith((byte) 0xFF, (byte) 0xD8);
			assertThat(gallery.get("/api/assets/" + id + "/" + asset.get("name").getAsString()).json().get("id")
				.getAsLong()).isEqualTo(id);
			assertOneLineError(gallery.get("/api/assets/" + id + "/another.jpg"), 404, "NOT_FOUND");
		}

		@Test
		void isTrashedRestoredAndDeleted() throws Exception {
			String href = captureOne().get("href").getAsString();

			assertThat(gallery.post(href + "/trash", "").json().get("trashed").getAsBoolean()).isTrue();
			assertThat(gallery.get("/api/assets?trashed=true&limit=500").text()).contains(href);
			assertThat(gallery.post(href + "/restore", "").json().get("trashed").getAsBoolean()).isFalse();
			assertThat(gallery.delete(href).status()).isEqualTo(204);
			assertOneLineError(gallery.get(href), 404, "NOT_FOUND");
		}
	}

	@Nested
	class Burst {
		@Test
		void ofThirtyShotsStreamsThirtySavedEventsInCaptureOrder() throws Exception {
			deferred.pause(); // phase 2 stays out of the way; the stream alone is under test
			try (EventStream events = gallery.events()) {
				Gallery.Reply reply = gallery.post("/api/captures",
						"{\"mode\":\"deferred\",\"count\":30,\"size\":\"" + SMALL + "\"}");
				assertThat(reply.status()).as(reply.text()).isEqualTo(201);
				var captured = reply.json().getAsJsonArray("captures").asList().stream()
					.map(c -> c.getAsJsonObject().getAsJsonObject("asset").get("href").getAsString())
					.toList();

				java.util.List<String> streamed = new java.util.ArrayList<>();
				while (streamed.size() < captured.size()) {
					streamed.add(events.await(e -> e.get("type").getAsString().equals("saved")
							&& captured.contains(e.get("href").getAsString()), Gallery.WAIT, "saved event " + streamed.size())
						.get("href").getAsString());
				}

				assertThat(captured).hasSize(30);
				assertThat(streamed).containsExactlyElementsOf(captured);
			} finally {
				deferred.resume();
			}
		}
	}

	@Nested
	class BadInput {
		@Test
		void isAnsweredWithOneJsonLineAndChangesNothing() throws Exception {
			// the photos of earlier tests reach FULL first, so that only a bad request could change the listing
			assertThat(deferred.drain(Gallery.WAIT)).isTrue();
			String before = gallery.get("/api/assets?limit=500").text();

			assertOneLineError(gallery.post("/api/captures", "{\"camera\":\"nope\"}"), 404, "UNKNOWN_CAMERA");
			assertOneLineError(gallery.post("/api/captures", "{\"size\":\"12x34\"}"), 400, "UNSUPPORTED_SIZE");
			assertOneLineError(gallery.post("/api/captures", "{\"size\":\"huge\"}"), 400, "INVALID_REQUEST");
			assertOneLineError(gallery.post("/api/captures", "{\"mode\":\"burst\"}"), 400, "INVALID_REQUEST");
			assertOneLineError(gallery.post("/api/captures", "{\"count\":1000}"), 400, "INVALID_REQUEST");
			assertOneLineError(gallery.post("/api/captures", "{not json"), 400, "INVALID_REQUEST");
			assertOneLineError(gallery.get("/api/assets?quality=best"), 400, "INVALID_REQUEST");
			assertOneLineError(gallery.get("/api/assets/999999"), 404, "NOT_FOUND");
			assertOneLineError(gallery.get("/api/assets/999999/image"), 404, "NOT_FOUND");
			assertOneLineError(gallery.delete("/api/assets/999999"), 404, "NOT_FOUND");
			assertOneLineError(gallery.get("/api/assets/abc"), 400, "INVALID_REQUEST");
			assertOneLineError(gallery.get("/api/assets/0/image"), 400, "INVALID_REQUEST");
			assertOneLineError(gallery.post("/api/assets/01/trash", ""), 400, "INVALID_REQUEST");
			assertOneLineError(gallery.get("/api/assets/999999/IMG_1.jpg"), 404, "NOT_FOUND");
			assertOneLineError(gallery.post("/api/assets/999999/IMG_1.jpg/trash", ""), 404, "NOT_FOUND");
			assertOneLineError(gallery.get("/api/assets/abc/IMG_1.jpg"), 400, "INVALID_REQUEST");
			assertOneLineError(gallery.get("/api/nowhere"), 404, "NOT_FOUND");

			assertThat(gallery.get("/api/assets?limit=500").text()).isEqualTo(before);
		}

		@Test
		void aPathThatTriesToLeaveTheLibraryReachesNothing() throws Exception {
			assertThat(gallery.getRaw("/api/assets/1/..%2F..%2F..%2Fetc%2Fpasswd/image").status()).isBetween(400, 404);
			assertThat(gallery.getRaw("/api/assets/1/%2E%2E/image").status()).isBetween(400, 404);
			assertThat(gallery.getRaw("/../../etc/passwd").text()).doesNotContain("root:");
			assertThat(gallery.getRaw("/OSGI-INF/camera.web.internal.api.ApiServlet.xml").status()).isEqualTo(404);
		}

		@Test
		void aChangeFromAnotherOriginIsRefused() throws Exception {
			assertOneLineError(gallery.post("/api/queue/pause", "", "Origin", "http://evil.example"), 403, "FORBIDDEN");
			assertThat(deferred.stats().paused()).isFalse();
		}
	}

	@Nested
	class Description {
		@Test
		void isServedAsOpenApi() throws Exception {
			Gallery.Reply reply = gallery.get("/api/openapi.json");

			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.json().get("openapi").getAsString()).startsWith("3.");
		}

		@Test
		void theGalleryPageIsServedAtTheRoot() throws Exception {
			Gallery.Reply reply = gallery.get("/");

			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.text()).contains("<title>Darkroom");
		}
	}

	@Nested
	class Token {
		@Test
		void onceConfiguredEveryRequestMustCarryIt() throws Exception {
			Configuration config = configurations.getConfiguration("camera.web", "?");
			Dictionary<String, Object> properties = new Hashtable<>();
			properties.put("token", "it-s3cret");
			config.update(properties);
			try {
				awaitStatus("/api/cameras", 401, Duration.ofSeconds(20));
				Gallery.Reply refused = gallery.get("/api/cameras");
				assertOneLineError(refused, 401, "UNAUTHORIZED");
				assertThat(refused.header("WWW-Authenticate")).isPresent();
				assertThat(gallery.get("/api/cameras", "Authorization", "Bearer wrong").status()).isEqualTo(401);
				assertThat(gallery.get("/api/cameras", "Authorization", "Bearer it-s3cret").status()).isEqualTo(200);
				assertThat(gallery.get("/", "Authorization", "Bearer it-s3cret").status()).isEqualTo(200);
			} finally {
				config.delete();
				awaitStatus("/api/cameras", 200, Duration.ofSeconds(20));
			}
		}

		@Test
		void aBrowserSignsInWithItAndItsCookieStandsForIt() throws Exception {
			withToken("it-s3cret", () -> {
				assertOneLineError(gallery.post("/api/session", "{\"token\":\"wrong\"}"), 401, "UNAUTHORIZED");
				assertOneLineError(gallery.post("/api/session", "{}"), 401, "UNAUTHORIZED");
				assertOneLineError(gallery.post("/api/session", "not json"), 400, "INVALID_REQUEST");

				Gallery.Reply signedIn = gallery.post("/api/session", "{\"token\":\"it-s3cret\"}");
				assertThat(signedIn.status()).as(signedIn.text()).isEqualTo(204);
				String setCookie = signedIn.header("Set-Cookie").orElseThrow();
				assertThat(setCookie).startsWith("darkroom-session=").contains("HttpOnly").contains("SameSite=Strict")
					.doesNotContain("it-s3cret");
				String cookie = setCookie.substring(0, setCookie.indexOf(';'));

				assertThat(gallery.get("/api/cameras", "Cookie", cookie).status()).isEqualTo(200);
				assertThat(gallery.get("/", "Cookie", cookie).status()).isEqualTo(200);
				assertThat(gallery.get("/api/session", "Cookie", cookie).json().get("signedIn").getAsBoolean()).isTrue();
				assertOneLineError(gallery.get("/api/cameras", "Cookie", "darkroom-session=forged"), 401, "UNAUTHORIZED");
				assertThat(gallery.delete("/api/session", "Cookie", cookie).header("Set-Cookie")).get().asString()
					.contains("Max-Age=0");
			});
		}

		@Test
		void withoutOneABrowserHasNothingToSignInTo() throws Exception {
			JsonObject session = gallery.get("/api/session").json();
			Gallery.Reply signIn = gallery.post("/api/session", "{\"token\":\"anything\"}");

			assertThat(session.get("tokenRequired").getAsBoolean()).isFalse();
			assertThat(signIn.status()).isEqualTo(204);
			assertThat(signIn.header("Set-Cookie")).isEmpty();
			assertThat(gallery.get("/").status()).isEqualTo(200);
		}

		@Test
		void aPageWithoutItLeadsAPersonToTheLoginPage() throws Exception {
			withToken("it-s3cret", () -> {
				Gallery.Reply page = gallery.get("/photo.html?id=1");
				assertThat(page.status()).isEqualTo(303);
				assertThat(page.header("Location")).contains("/login.html?next=%2Fphoto.html%3Fid%3D1");
				assertThat(gallery.get("/login.html").text()).contains("<title>Darkroom");
				assertThat(gallery.get("/api/session").json().get("tokenRequired").getAsBoolean()).isTrue();
			});
		}

		@Test
		void aChangeFromAnotherOriginIsRefusedEvenWithTheCookie() throws Exception {
			withToken("it-s3cret", () -> {
				String setCookie = gallery.post("/api/session", "{\"token\":\"it-s3cret\"}").header("Set-Cookie")
					.orElseThrow();
				String cookie = setCookie.substring(0, setCookie.indexOf(';'));

				assertOneLineError(gallery.post("/api/queue/pause", "", "Cookie", cookie, "Origin", "http://evil.example"),
						403, "FORBIDDEN");
				assertOneLineError(gallery.post("/api/session", "{\"token\":\"it-s3cret\"}", "Origin",
						"http://evil.example"), 403, "FORBIDDEN");
				assertThat(deferred.stats().paused()).isFalse();
			});
		}

		/** What runs while a token is configured. */
		interface WithToken {
			void run() throws Exception;
		}

		private void withToken(String token, WithToken body) throws Exception {
			Configuration config = configurations.getConfiguration("camera.web", "?");
			Dictionary<String, Object> properties = new Hashtable<>();
			properties.put("token", token);
			config.update(properties);
			try {
				awaitStatus("/api/cameras", 401, Duration.ofSeconds(20));
				body.run();
			} finally {
				config.delete();
				awaitStatus("/api/cameras", 200, Duration.ofSeconds(20));
			}
		}

		@Test
		void isNeverAServiceProperty() throws Exception {
			Configuration config = configurations.getConfiguration("camera.web", "?");
			Dictionary<String, Object> properties = new Hashtable<>();
			properties.put("token", "it-s3cret");
			config.update(properties);
			try {
				awaitStatus("/api/cameras", 401, Duration.ofSeconds(20));
				assertThat(context.getServiceReferences((String) null, "(token=*)")).isNull();
			} finally {
				config.delete();
				awaitStatus("/api/cameras", 200, Duration.ofSeconds(20));
			}
		}

		/**
		 * ConfigAdmin applies a configuration asynchronously and tells nobody outside the component when it is
		 * done; the requests themselves are the signal, tried until the deadline bounds a failure.
		 */
		private void awaitStatus(String path, int status, Duration timeout) throws Exception {
			long deadline = System.nanoTime() + timeout.toNanos();
			int last;
			do {
				last = gallery.get(path).status();
				if (last == status) {
					return;
				}
				Thread.onSpinWait();
			} while (System.nanoTime() < deadline);
			throw new AssertionError(path + " answered " + last + ", not " + status + ", within " + timeout);
		}
	}
}
