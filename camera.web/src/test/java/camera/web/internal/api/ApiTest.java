package camera.web.internal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import camera.api.CameraManager;
import camera.api.DeferredProcessing;
import media.library.DeliveryMode;
import media.library.MediaAssetManager;
import media.library.MediaQuality;
import media.library.PhotoAccessHelper;
import media.library.PhotoAsset;

class ApiTest {
	final FakeLibrary library = new FakeLibrary();
	final FakeImages images = new FakeImages(library);
	final FakeDeferred deferred = new FakeDeferred();
	final List<RuntimeException> reported = new ArrayList<>();
	final Api api = new Api(new PlatformServices() {
		@Override
		public CameraManager cameras() {
			return new FakeCameras();
		}

		@Override
		public PhotoAccessHelper library() {
			return library;
		}

		@Override
		public MediaAssetManager images() {
			return images;
		}

		@Override
		public DeferredProcessing deferred() {
			return deferred;
		}
	}, Duration.ofSeconds(5), Duration.ofSeconds(5), (request, failure) -> reported.add(failure));

	ApiReply call(String method, String path) {
		return api.handle(ApiRequest.of(method, path));
	}

	ApiReply call(String method, String path, Map<String, String> query) {
		return api.handle(ApiRequest.of(method, path).withQuery(query));
	}

	ApiReply post(String path, String body) {
		return api.handle(ApiRequest.of("POST", path).withBody(body));
	}

	static JsonObject json(ApiReply reply) {
		return JsonParser.parseString(reply.text()).getAsJsonObject();
	}

	static void assertError(ApiReply reply, int status, String code) {
		assertThat(reply.status()).isEqualTo(status);
		assertThat(reply.contentType()).startsWith("application/json");
		assertThat(reply.text()).doesNotContain("\n").doesNotContain("at camera.").doesNotContain("Exception");
		JsonObject error = json(reply);
		assertThat(error.keySet()).containsExactlyInAnyOrder("error", "message");
		assertThat(error.get("error").getAsString()).isEqualTo(code);
		assertThat(error.get("message").getAsString()).isNotBlank();
	}

	static String href(PhotoAsset asset) {
		return AssetView.href(asset).substring("/api".length());
	}

	@Nested
	class Cameras {
		@Test
		void listsEachCameraWithItsSizesLargestFirst() {
			ApiReply reply = call("GET", "/cameras");

			assertThat(reply.status()).isEqualTo(200);
			var camera = JsonParser.parseString(reply.text()).getAsJsonArray().get(0).getAsJsonObject();
			assertThat(camera.get("id").getAsString()).isEqualTo("sim-back");
			assertThat(camera.get("sizes").toString()).isEqualTo("[\"640x480\",\"320x240\"]");
		}
	}

	@Nested
	class BadCaptures {
		@ParameterizedTest(name = "{0} gives {1} {2}")
		@CsvSource(delimiter = '|', value = { //
				"{\"camera\":\"nope\"}                | 404 | UNKNOWN_CAMERA", //
				"{\"size\":\"12x34\"}                 | 400 | UNSUPPORTED_SIZE", //
				"{\"size\":\"big\"}                   | 400 | INVALID_REQUEST", //
				"{\"mode\":\"burst\"}                 | 400 | INVALID_REQUEST", //
				"{\"count\":0}                        | 400 | INVALID_REQUEST", //
				"{\"count\":31}                       | 400 | INVALID_REQUEST", //
				"{\"count\":\"many\"}                 | 400 | INVALID_REQUEST", //
				"{\"camera\":                         | 400 | INVALID_REQUEST", //
				"[1,2]                                | 400 | INVALID_REQUEST", //
				"not json                             | 400 | INVALID_REQUEST" })
		void areRefusedWithOneJsonLineBeforeTheCameraOpens(String body, int status, String code) {
			ApiReply reply = post("/captures", body);

			assertError(reply, status, code);
			assertThat(library.changes).hasValue(0);
		}

		@Test
		void sayWhichSizesTheCameraOffers() {
			ApiReply reply = post("/captures", "{\"size\":\"12x34\"}");

			assertThat(json(reply).get("message").getAsString()).contains("640x480, 320x240");
		}

		@Test
		void anUnparsableBodyIsExplainedWithoutJavaClassNames() {
			ApiReply reply = post("/captures", "{\"count\":\"many\"}");

			assertThat(json(reply).get("message").getAsString()).doesNotContain("java.");
		}

		@Test
		void aGetIsNotAllowed() {
			assertError(call("GET", "/captures"), 405, "METHOD_NOT_ALLOWED");
		}
	}

	@Nested
	class Listing {
		@Test
		void returnsThePageNewestFirstAndTheOffsetOfTheNextOne() {
			for (int i = 0; i < 5; i++) {
				library.add(MediaQuality.FAST);
			}

			JsonObject page = json(call("GET", "/assets", Map.of("offset", "1", "limit", "2")));

			assertThat(page.getAsJsonArray("assets").asList()).extracting(a -> a.getAsJsonObject().get("id").getAsLong())
				.containsExactly(4L, 3L);
			assertThat(page.get("next").getAsInt()).isEqualTo(3);
		}

		@Test
		void asksTheLibraryForOnePageOnlyNeverTheWholeLibrary() {
			library.add(MediaQuality.FAST);

			call("GET", "/assets", Map.of("offset", "100", "limit", "20"));

			assertThat(library.queries).singleElement().satisfies(q -> {
				assertThat(q.offset()).isEqualTo(100);
				assertThat(q.limit()).isEqualTo(21);
				assertThat(q.newestFirst()).isTrue();
			});
		}

		@Test
		void theLastPageHasNoNext() {
			library.add(MediaQuality.FAST);

			assertThat(json(call("GET", "/assets")).has("next")).isFalse();
		}

		@Test
		void filtersByQualityAndTrash() {
			PhotoAsset fast = library.add(MediaQuality.FAST);
			library.add(MediaQuality.FULL);
			call("POST", href(fast) + "/trash");

			assertThat(json(call("GET", "/assets", Map.of("quality", "full"))).getAsJsonArray("assets")).hasSize(1);
			assertThat(json(call("GET", "/assets", Map.of("quality", "fast"))).getAsJsonArray("assets")).isEmpty();
			assertThat(json(call("GET", "/assets", Map.of("trashed", "true"))).getAsJsonArray("assets")).hasSize(1);
		}

		@ParameterizedTest(name = "{0}={1}")
		@CsvSource({ "quality,best", "trashed,yes", "offset,-1", "offset,x", "limit,0", "limit,501" })
		void refusesABadParameter(String name, String value) {
			assertError(call("GET", "/assets", Map.of(name, value)), 400, "INVALID_REQUEST");
			assertThat(library.queries).isEmpty();
		}
	}

	@Nested
	class OneAsset {
		@Test
		void showsItsDetailsAndItsPendingJob() {
			PhotoAsset asset = library.add(MediaQuality.FAST);

			JsonObject details = json(call("GET", href(asset)));

			assertThat(details.get("quality").getAsString()).isEqualTo("FAST");
			assertThat(details.get("jobId").getAsString()).isEqualTo("job-1");
			assertThat(details.get("size").getAsLong()).isEqualTo(asset.size());
			assertThat(details.get("width").getAsInt()).isEqualTo(640);
			assertThat(details.get("dateAdded").getAsString()).isEqualTo(asset.dateAdded().toString());
			assertThat(details.get("image").getAsString()).isEqualTo(AssetView.href(asset) + "/image");
		}

		@Test
		void isFoundByItsIdAlone() {
			PhotoAsset asset = library.add(MediaQuality.FAST);

			JsonObject details = json(call("GET", "/assets/" + asset.id()));

			assertThat(details.get("uri").getAsString()).isEqualTo(asset.uri());
			assertThat(details.get("href").getAsString()).isEqualTo("/api/assets/" + asset.id());
		}

		@Test
		void isStillFoundByTheOlderAddressWithItsName() {
			PhotoAsset asset = library.add(MediaQuality.FAST);

			assertThat(json(call("GET", "/assets/" + asset.id() + "/" + asset.displayName())).get("id").getAsLong())
				.isEqualTo(asset.id());
			assertThat(call("GET", "/assets/" + asset.id() + "/" + asset.displayName() + "/image").status())
				.isEqualTo(200);
		}

		@Test
		void theOlderAddressWithAnotherNameIsNotFound() {
			PhotoAsset asset = library.add(MediaQuality.FAST);

			assertError(call("GET", "/assets/" + asset.id() + "/other.jpg"), 404, "NOT_FOUND");
		}

		@ParameterizedTest
		@CsvSource({ "/assets/7", "/assets/7/image", "/assets/7/IMG_7.jpg" })
		void anUnknownIdIsNotFound(String path) {
			library.add(MediaQuality.FAST);

			assertError(call("GET", path), 404, "NOT_FOUND");
		}

		@ParameterizedTest
		@CsvSource({ "/assets/x", "/assets/01", "/assets/-1", "/assets/0", "/assets/1.5", "/assets/99999999999999999999",
				"/assets/x/image", "/assets/x/IMG_1.jpg", "/assets/01/IMG_1.jpg", "/assets/-1/IMG_1.jpg",
				"/assets/99999999999999999999/IMG_1.jpg" })
		void aMalformedIdIsABadRequest(String path) {
			library.add(MediaQuality.FAST);

			assertError(call("GET", path), 400, "INVALID_REQUEST");
		}

		@Test
		void aMalformedIdIsRefusedBeforeAnyChange() {
			library.add(MediaQuality.FAST);

			assertError(call("POST", "/assets/x/trash"), 400, "INVALID_REQUEST");
			assertError(call("DELETE", "/assets/x"), 400, "INVALID_REQUEST");
			assertThat(library.changes).hasValue(0);
		}

		@Test
		void aNameThatTriesToLeaveTheLibraryIsRefusedByTheLibrarysOwnCheck() {
			library.add(MediaQuality.FAST);
			ApiRequest request = new ApiRequest("GET", List.of("assets", "1", "..", "image"), Map.of(), Map.of(), "");

			assertError(api.handle(request), 400, "INVALID_DISPLAY_NAME");
		}

		@Test
		void anUnknownActionIsNotFound() {
			PhotoAsset asset = library.add(MediaQuality.FAST);

			assertError(call("GET", href(asset) + "/image/more"), 404, "NOT_FOUND");
		}
	}

	@Nested
	class Images {
		@Test
		void areServedWithAnEtagThatChangesWhenFastBecomesFull() {
			PhotoAsset asset = library.add(MediaQuality.FAST);
			ApiReply fast = call("GET", href(asset) + "/image");
			library.becomeFull(asset);
			ApiReply full = call("GET", href(asset) + "/image");

			assertThat(fast.status()).isEqualTo(200);
			assertThat(fast.contentType()).isEqualTo("image/jpeg");
			assertThat(new String(fast.body())).isEqualTo("jpeg FAST");
			assertThat(new String(full.body())).isEqualTo("jpeg FULL");
			assertThat(full.headers().get("ETag")).isNotEqualTo(fast.headers().get("ETag"));
			assertThat(full.headers().get("Last-Modified")).isNotEqualTo(fast.headers().get("Last-Modified"));
		}

		@Test
		void answerNotModifiedToTheCurrentEtagOnly() {
			PhotoAsset asset = library.add(MediaQuality.FAST);
			String etag = call("GET", href(asset) + "/image").headers().get("ETag");

			ApiReply again = api.handle(ApiRequest.of("GET", href(asset) + "/image")
				.withHeaders(Map.of("if-none-match", etag)));
			library.becomeFull(asset);
			ApiReply changed = api.handle(ApiRequest.of("GET", href(asset) + "/image")
				.withHeaders(Map.of("if-none-match", etag)));

			assertThat(again.status()).isEqualTo(304);
			assertThat(changed.status()).isEqualTo(200);
		}

		@Test
		void thumbnailsChangeTheirEtagWithTheQualityToo() {
			PhotoAsset asset = library.add(MediaQuality.FAST);
			ApiReply fast = call("GET", href(asset) + "/thumbnail");
			library.becomeFull(asset);
			ApiReply full = call("GET", href(asset) + "/thumbnail");

			assertThat(new String(full.body())).isEqualTo("thumbnail of FULL");
			assertThat(full.headers().get("ETag")).isNotEqualTo(fast.headers().get("ETag"));
		}
	}

	@Nested
	class Actions {
		@Test
		void requestAsksTheLibraryForTheFullImageInHighQualityMode() {
			PhotoAsset asset = library.add(MediaQuality.FAST);

			ApiReply reply = call("POST", href(asset) + "/request");

			assertThat(reply.status()).isEqualTo(202);
			assertThat(images.requested).containsExactly(DeliveryMode.HIGH_QUALITY_MODE);
		}

		@Test
		void trashAndRestoreAnswerTheAssetAsItIsAfterwards() {
			PhotoAsset asset = library.add(MediaQuality.FAST);

			assertThat(json(call("POST", href(asset) + "/trash")).get("trashed").getAsBoolean()).isTrue();
			assertThat(json(call("POST", href(asset) + "/restore")).get("trashed").getAsBoolean()).isFalse();
		}

		@Test
		void deleteRemovesTheAssetForGood() {
			PhotoAsset asset = library.add(MediaQuality.FAST);

			assertThat(call("DELETE", href(asset)).status()).isEqualTo(204);
			assertError(call("GET", href(asset)), 404, "NOT_FOUND");
		}

		@Test
		void anActionOnAnUnknownAssetChangesNothing() {
			assertError(call("POST", "/assets/9/IMG_9.jpg/trash"), 404, "NOT_FOUND");
			assertError(call("POST", "/assets/9/trash"), 404, "NOT_FOUND");
			assertError(call("DELETE", "/assets/9/IMG_9.jpg"), 404, "NOT_FOUND");
			assertError(call("DELETE", "/assets/9"), 404, "NOT_FOUND");
			assertThat(library.changes).hasValue(0);
		}

		@Test
		void anActionNeedsItsMethod() {
			PhotoAsset asset = library.add(MediaQuality.FAST);

			assertError(call("GET", href(asset) + "/trash"), 405, "METHOD_NOT_ALLOWED");
			assertError(call("PUT", href(asset)), 405, "METHOD_NOT_ALLOWED");
			assertThat(library.changes).hasValue(0);
		}
	}

	@Nested
	class Queue {
		@Test
		void showsJobsStatsAndConditions() {
			JsonObject queue = json(call("GET", "/queue"));

			assertThat(queue.getAsJsonArray("jobs").get(0).getAsJsonObject().get("state").getAsString())
				.isEqualTo("PENDING");
			assertThat(queue.getAsJsonObject("stats").getAsJsonObject("conditions").get("cpu-load").getAsBoolean())
				.isFalse();
		}

		@Test
		void pausesAndResumes() {
			assertThat(json(call("POST", "/queue/pause")).get("paused").getAsBoolean()).isTrue();
			assertThat(json(call("POST", "/queue/resume")).get("paused").getAsBoolean()).isFalse();
		}

		@Test
		void anUnknownActionIsNotFound() {
			assertError(call("POST", "/queue/flush"), 404, "NOT_FOUND");
		}
	}

	@Nested
	class Description {
		@Test
		void isAnOpenApiDocumentListingEveryPath() {
			ApiReply reply = call("GET", "/openapi.json");

			JsonObject doc = json(reply);
			assertThat(doc.get("openapi").getAsString()).startsWith("3.");
			assertThat(doc.getAsJsonObject("paths").keySet()).contains("/api/cameras", "/api/captures", "/api/assets",
					"/api/assets/{id}", "/api/assets/{id}/image", "/api/assets/{id}/thumbnail", "/api/assets/{id}/request",
					"/api/assets/{id}/trash", "/api/assets/{id}/restore", "/api/session",
					"/api/queue", "/api/queue/pause", "/api/events");
		}

		@Test
		void documentsEveryWebErrorCode() {
			String doc = call("GET", "/openapi.json").text();

			for (WebErrorCode code : WebErrorCode.values()) {
				assertThat(doc).contains(code.name() + " (" + code.status() + ")");
			}
		}
	}

	@Nested
	class Failures {
		@Test
		void anUnknownPathIsNotFound() {
			assertError(call("GET", "/nothing/here"), 404, "NOT_FOUND");
		}

		@Test
		void aFailureInsideTheServerIsOneJsonLineAndIsReported() {
			Api broken = new Api(new PlatformServices() {
				@Override
				public CameraManager cameras() {
					throw new IllegalStateException("boom");
				}

				@Override
				public PhotoAccessHelper library() {
					return library;
				}

				@Override
				public MediaAssetManager images() {
					return images;
				}

				@Override
				public DeferredProcessing deferred() {
					return deferred;
				}
			}, Duration.ofSeconds(1), Duration.ofSeconds(1), (request, failure) -> reported.add(failure));

			ApiReply reply = broken.handle(ApiRequest.of("GET", "/cameras"));

			assertError(reply, 500, "INTERNAL_ERROR");
			assertThat(reply.text()).doesNotContain("boom");
			assertThat(reported).singleElement().extracting(Throwable::getMessage).isEqualTo("boom");
		}

		@Test
		void aMissingServiceIsUnavailable() {
			Api withoutEngine = new Api(new PlatformServices() {
				@Override
				public CameraManager cameras() {
					return new FakeCameras();
				}

				@Override
				public PhotoAccessHelper library() {
					return library;
				}

				@Override
				public MediaAssetManager images() {
					return images;
				}

				@Override
				public DeferredProcessing deferred() {
					return PlatformServices.require(null, "the deferred engine");
				}
			}, Duration.ofSeconds(1), Duration.ofSeconds(1), (request, failure) -> reported.add(failure));

			assertError(withoutEngine.handle(ApiRequest.of("GET", "/queue")), 503, "SERVICE_UNAVAILABLE");
		}
	}
}
