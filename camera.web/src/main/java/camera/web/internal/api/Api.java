package camera.web.internal.api;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;

import camera.api.CameraException;
import media.library.MediaLibraryException;

/**
 * The routes of the JSON API under {@code /api}. Every answer is JSON or an image; every failure is an
 * {@link ApiError} answered as one line of JSON, never a stack trace. A request that fails changes nothing.
 */
public final class Api {
	private static final String OPENAPI = "openapi.json";

	private final AssetResources assets;
	private final CameraResources cameras;
	private final QueueResources queue;
	private final UnexpectedFailures failures;

	/** Where failures the client could not have caused are reported. */
	@FunctionalInterface
	public interface UnexpectedFailures {
		void report(ApiRequest request, RuntimeException failure);
	}

	/**
	 * @param captureTimeout how long a capture waits for each camera event
	 * @param imageTimeout   how long an image request waits for the library
	 */
	public Api(PlatformServices services, Duration captureTimeout, Duration imageTimeout, UnexpectedFailures failures) {
		this.assets = new AssetResources(services, imageTimeout);
		this.cameras = new CameraResources(services, captureTimeout);
		this.queue = new QueueResources(services);
		this.failures = failures;
	}

	/** @return the answer; never throws */
	public ApiReply handle(ApiRequest request) {
		try {
			return route(request);
		} catch (ApiError e) {
			return ApiReply.error(e);
		} catch (CameraException e) {
			return ApiReply.error(DomainErrors.of(e));
		} catch (MediaLibraryException e) {
			return ApiReply.error(DomainErrors.of(e));
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return ApiReply.error(new ApiError(WebErrorCode.SERVICE_UNAVAILABLE, "the server is stopping"));
		} catch (RuntimeException e) {
			failures.report(request, e);
			return ApiReply.error(new ApiError(WebErrorCode.INTERNAL_ERROR,
					"the request failed inside the server; its log says why"));
		}
	}

	private ApiReply route(ApiRequest request) throws InterruptedException {
		List<String> path = request.segments();
		String method = request.method();
		String first = path.isEmpty() ? "" : path.getFirst();
		return switch (first) {
			case "cameras" -> only(path.size() == 1, method, "GET", cameras::cameras);
			case "captures" -> {
				expect(path.size() == 1, method, "POST");
				yield cameras.capture(request);
			}
			case "queue" -> queue(path, method);
			case "assets" -> assets(request, path, method);
			case OPENAPI -> only(path.size() == 1, method, "GET", Api::openApi);
			default -> throw notFound(request);
		};
	}

	private ApiReply queue(List<String> path, String method) {
		if (path.size() == 1) {
			return only(true, method, "GET", queue::queue);
		}
		return switch (path.get(1)) {
			case "pause" -> only(path.size() == 2, method, "POST", queue::pause);
			case "resume" -> only(path.size() == 2, method, "POST", queue::resume);
			default -> throw new ApiError(WebErrorCode.NOT_FOUND, "no queue action '" + AssetAddress.printable(path.get(1))
					+ "': the actions are pause and resume");
		};
	}

	private ApiReply assets(ApiRequest request, List<String> path, String method) {
		if (path.size() == 1) {
			return only(true, method, "GET", () -> assets.list(request));
		}
		String id = path.get(1);
		List<String> rest = path.subList(2, path.size());
		AssetAddress address = AssetAddress.byId(id);
		if (!rest.isEmpty() && !AssetAddress.ACTIONS.contains(rest.getFirst())) {
			address = new AssetAddress(id, rest.getFirst());
			rest = rest.subList(1, rest.size());
		}
		AssetAddress asset = address;
		if (rest.isEmpty()) {
			return switch (method) {
				case "GET" -> assets.details(asset);
				case "DELETE" -> assets.delete(asset);
				default -> throw notAllowed(method, "GET, DELETE");
			};
		}
		if (rest.size() > 1) {
			throw notFound(request);
		}
		return switch (rest.getFirst()) {
			case "image" -> only(true, method, "GET", () -> assets.image(asset, request));
			case "thumbnail" -> only(true, method, "GET", () -> assets.thumbnail(asset, request));
			case "request" -> only(true, method, "POST", () -> assets.requestHighQuality(asset));
			case "trash" -> only(true, method, "POST", () -> assets.trash(asset));
			case "restore" -> only(true, method, "POST", () -> assets.restore(asset));
			default -> throw notFound(request);
		};
	}

	private static ApiReply only(boolean pathMatches, String method, String allowed,
			java.util.function.Supplier<ApiReply> handler) {
		expect(pathMatches, method, allowed);
		return handler.get();
	}

	private static void expect(boolean pathMatches, String method, String allowed) {
		if (!pathMatches) {
			throw new ApiError(WebErrorCode.NOT_FOUND, "no such API path");
		}
		if (!method.equals(allowed)) {
			throw notAllowed(method, allowed);
		}
	}

	private static ApiError notAllowed(String method, String allowed) {
		return new ApiError(WebErrorCode.METHOD_NOT_ALLOWED,
				AssetAddress.printable(method) + " is not allowed here; use " + allowed);
	}

	private static ApiError notFound(ApiRequest request) {
		return new ApiError(WebErrorCode.NOT_FOUND, "no API path /api/"
				+ AssetAddress.printable(String.join("/", request.segments())) + ": see /api/openapi.json");
	}

	private static ApiReply openApi() {
		try (InputStream in = Api.class.getResourceAsStream(OPENAPI)) {
			if (in == null) {
				throw new IllegalStateException("the bundle lacks " + OPENAPI);
			}
			return ApiReply.bytes(ApiReply.JSON, in.readAllBytes());
		} catch (IOException e) {
			throw new java.io.UncheckedIOException("cannot read " + OPENAPI, e);
		}
	}
}
