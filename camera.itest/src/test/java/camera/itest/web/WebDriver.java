package camera.itest.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Headless Chromium driven through Debian's {@code chromedriver} over the W3C WebDriver protocol: plain JSON over
 * HTTP, so no driver library is needed.
 */
final class WebDriver implements AutoCloseable {
	static final Path CHROMIUM = Path.of("/usr/bin/chromium");
	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
	private static final Gson GSON = new Gson();

	private final Process driver;
	private final Path profile;
	private final HttpClient client = HttpClient.newHttpClient();
	private final String baseUrl;
	private final String session;

	/** @return whether Chromium and its driver are installed */
	static boolean installed() {
		return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
	}

	WebDriver(Duration scriptTimeout) throws IOException, InterruptedException {
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		profile = Files.createTempDirectory("darkroom-chromium");
		driver = new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port).redirectErrorStream(true).start();
		awaitStarted(driver);
		baseUrl = "http://127.0.0.1:" + port;
		try {
			session = "/session/" + call("POST", "/session", capabilities()).getAsJsonObject().get("sessionId").getAsString();
			call("POST", session + "/timeouts",
					GSON.toJsonTree(Map.of("script", scriptTimeout.toMillis(), "pageLoad", 60_000)));
		} catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
			driver.destroyForcibly();
			throw e;
		}
	}

	private JsonObject capabilities() {
		JsonObject options = new JsonObject();
		options.addProperty("binary", CHROMIUM.toString());
		options.add("args", GSON.toJsonTree(List.of("--headless", "--no-sandbox", "--disable-gpu",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile)));
		JsonObject always = new JsonObject();
		always.addProperty("browserName", "chrome");
		always.add("goog:chromeOptions", options);
		JsonObject capabilities = new JsonObject();
		capabilities.add("alwaysMatch", always);
		JsonObject body = new JsonObject();
		body.add("capabilities", capabilities);
		return body;
	}

	/** Waits for the driver's line saying it listens: the process tells when it is ready. */
	private static void awaitStarted(Process driver) throws InterruptedException, IOException {
		BufferedReader out = new BufferedReader(new InputStreamReader(driver.getInputStream(), StandardCharsets.UTF_8));
		CompletableFuture<Void> started = CompletableFuture.runAsync(() -> {
			try {
				String line;
				while ((line = out.readLine()) != null) {
					if (line.contains("started successfully")) {
						return;
					}
				}
				throw new IllegalStateException("chromedriver ended before it started");
			} catch (IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		});
		try {
			started.get(30, TimeUnit.SECONDS);
		} catch (Exception e) {
			driver.destroyForcibly();
			throw new IOException("chromedriver did not start: " + e, e);
		}
		// keep draining its output so that it never blocks on a full pipe
		Thread.ofVirtual().start(() -> {
			try {
				while (out.readLine() != null) {
					// its log is not needed
				}
			} catch (IOException e) {
				// the driver stopped
			}
		});
	}

	void open(String url) throws IOException, InterruptedException {
		call("POST", session + "/url", GSON.toJsonTree(Map.of("url", url)));
	}

	/** Runs a script synchronously in the page and answers its result. */
	JsonElement run(String script, Object... args) throws IOException, InterruptedException {
		return call("POST", session + "/execute/sync", GSON.toJsonTree(Map.of("script", script, "args", List.of(args))));
	}

	/**
	 * Runs an asynchronous script: it calls {@code arguments[arguments.length - 1]} with its result when the
	 * awaited thing happens in the page; the session's script timeout bounds a failure.
	 */
	JsonElement await(String script, Object... args) throws IOException, InterruptedException {
		return call("POST", session + "/execute/async", GSON.toJsonTree(Map.of("script", script, "args", List.of(args))));
	}

	void screenshot(Path file) throws IOException, InterruptedException {
		String png = call("GET", session + "/screenshot", null).getAsString();
		Files.createDirectories(file.getParent());
		Files.write(file, Base64.getDecoder().decode(png));
	}

	private JsonElement call(String method, String path, JsonElement body) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
			.timeout(Duration.ofSeconds(120))
			.header("Content-Type", "application/json");
		request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(GSON.toJson(body)));
		HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		JsonObject answer = JsonParser.parseString(response.body()).getAsJsonObject();
		JsonElement value = answer.get("value");
		if (response.statusCode() != 200) {
			throw new AssertionError("WebDriver " + method + " " + path + " answered " + response.statusCode() + ": "
					+ value);
		}
		return value;
	}

	@Override
	public void close() throws IOException, InterruptedException {
		try {
			call("DELETE", session, null);
		} finally {
			driver.destroy();
			if (!driver.waitFor(10, TimeUnit.SECONDS)) {
				driver.destroyForcibly();
			}
			try (var files = Files.walk(profile)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}
}
