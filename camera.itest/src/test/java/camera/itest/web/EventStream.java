package camera.itest.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** A client of {@code /api/events}: each server-sent event's data, in the order it came. */
final class EventStream implements AutoCloseable {
	private final BlockingQueue<JsonObject> events = new LinkedBlockingQueue<>();
	private final CompletableFuture<HttpResponse<Stream<String>>> response;

	EventStream(HttpClient client, URI uri) {
		response = client.sendAsync(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofLines());
		response.thenAccept(r -> r.body()
			.filter(line -> line.startsWith("data: "))
			.forEach(line -> events.add(JsonParser.parseString(line.substring(6)).getAsJsonObject())));
	}

	void awaitReady(Duration timeout) throws InterruptedException {
		await(e -> e.get("type").getAsString().equals("ready"), timeout, "the stream's ready event");
	}

	/** @return the first event (from now on) that matches; events before it are dropped */
	JsonObject await(Predicate<JsonObject> wanted, Duration timeout, String what) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			long left = deadline - System.nanoTime();
			JsonObject event = left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : null;
			if (event == null) {
				throw new AssertionError("no " + what + " within " + timeout);
			}
			if (wanted.test(event)) {
				return event;
			}
		}
	}

	@Override
	public void close() {
		response.thenAccept(r -> r.body().close());
		response.cancel(true);
	}
}
