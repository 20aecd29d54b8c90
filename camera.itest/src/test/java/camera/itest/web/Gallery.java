package camera.itest.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.service.servlet.runtime.HttpServiceRuntimeConstants;
import org.osgi.service.servlet.runtime.dto.ServletContextDTO;
import org.osgi.util.tracker.ServiceTracker;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The running gallery as a client sees it: its base URL (from the HTTP runtime's {@code osgi.http.endpoint}, the
 * integration runtime listens on a free port) and real HTTP requests through {@link HttpClient}.
 */
final class Gallery {
	static final Duration WAIT = Duration.ofSeconds(60);
	private static final String[] SERVLETS = { "camera.web.api", "camera.web.events", "camera.web.gallery",
			"camera.web.session" };

	final String base;
	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private Gallery(String base) {
		this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

	/** A response, its body read whole. */
	record Reply(int status, Map<String, java.util.List<String>> headers, byte[] body) {
		String text() {
			return new String(body, java.nio.charset.StandardCharsets.UTF_8);
		}

		JsonObject json() {
			return JsonParser.parseString(text()).getAsJsonObject();
		}

		JsonElement jsonTree() {
			return JsonParser.parseString(text());
		}

		Optional<String> header(String name) {
			return headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.flatMap(e -> e.getValue().stream())
				.findFirst();
		}
	}

	/**
	 * Waits until the HTTP runtime serves the gallery's servlets in its context: the runtime changes its
	 * {@code service.changecount} whenever its DTO does, so each change is checked as it comes.
	 */
	static Gallery await(BundleContext context) throws InterruptedException {
		CountDownLatch served = new CountDownLatch(1);
		AtomicReference<String> endpoint = new AtomicReference<>();
		ServiceTracker<HttpServiceRuntime, HttpServiceRuntime> tracker = new ServiceTracker<>(context,
				HttpServiceRuntime.class, null) {
			@Override
			public HttpServiceRuntime addingService(ServiceReference<HttpServiceRuntime> reference) {
				HttpServiceRuntime runtime = super.addingService(reference);
				check(reference, runtime);
				return runtime;
			}

			@Override
			public void modifiedService(ServiceReference<HttpServiceRuntime> reference, HttpServiceRuntime runtime) {
				check(reference, runtime);
			}

			private void check(ServiceReference<HttpServiceRuntime> reference, HttpServiceRuntime runtime) {
				boolean all = Arrays.stream(runtime.getRuntimeDTO().servletContextDTOs)
					.filter(c -> "camera.web".equals(c.name))
					.map(Gallery::servletNames)
					.anyMatch(names -> names.containsAll(Arrays.asList(SERVLETS)));
				if (all) {
					Object value = reference.getProperty(HttpServiceRuntimeConstants.HTTP_SERVICE_ENDPOINT);
					endpoint.set(value instanceof String[] a ? a[0] : String.valueOf(value));
					served.countDown();
				}
			}
		};
		tracker.open();
		try {
			if (!served.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
				throw new AssertionError("the HTTP runtime did not serve the gallery's servlets within " + WAIT);
			}
			return new Gallery(endpoint.get());
		} finally {
			tracker.close();
		}
	}

	private static java.util.List<String> servletNames(ServletContextDTO context) {
		return Arrays.stream(context.servletDTOs).map(s -> s.name).toList();
	}

	Reply get(String path, String... headers) throws IOException, InterruptedException {
		return send(request(path, headers).GET());
	}

	Reply post(String path, String body, String... headers) throws IOException, InterruptedException {
		return send(request(path, headers).POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	Reply delete(String path, String... headers) throws IOException, InterruptedException {
		return send(request(path, headers).DELETE());
	}

	/** Sends a path exactly as written, without the URI class normalising it. */
	Reply getRaw(String rawPath) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create(base + rawPath)).timeout(WAIT).GET());
	}

	private HttpRequest.Builder request(String path, String... headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(WAIT);
		if (headers.length > 0) {
			builder.headers(headers);
		}
		return builder;
	}

	private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
		HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		return new Reply(response.statusCode(), response.headers().map(), response.body());
	}

	/** Opens the event stream; it is live once its {@code ready} event has come. */
	EventStream events() throws InterruptedException {
		EventStream stream = new EventStream(client, URI.create(base + "/api/events"));
		stream.awaitReady(WAIT);
		return stream;
	}
}
