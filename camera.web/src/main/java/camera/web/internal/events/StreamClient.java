package camera.web.internal.events;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

import jakarta.servlet.AsyncContext;

/**
 * One client of the event stream with its own writer, a virtual thread, so that a slow client delays only
 * itself. Its queue is bounded: a client that falls that far behind is closed, reconnects (EventSource does so
 * by itself) and reloads what it shows, rather than holding memory or getting stale events late.
 */
final class StreamClient {
	static final int BACKLOG = 1024;
	private static final String CLOSE = "";

	private final AsyncContext context;
	private final BlockingQueue<String> pending = new ArrayBlockingQueue<>(BACKLOG);
	private final Consumer<StreamClient> gone;
	private volatile boolean open = true;

	/**
	 * @param gone called once when the client is closed, by whichever side
	 */
	StreamClient(AsyncContext context, Consumer<StreamClient> gone) {
		this.context = context;
		this.gone = gone;
	}

	/** Starts writing: the greeting first, then every event sent. */
	void start(String greeting) {
		pending.offer(greeting);
		Thread.ofVirtual().name("camera.web event stream client").start(this::write);
	}

	/** Queues an event; a client whose backlog is full is closed instead. */
	void send(String wire) {
		if (open && !pending.offer(wire)) {
			close();
		}
	}

	/**
	 * Ends the stream: the writer writes what was sent before, unless the backlog is full, then completes the
	 * response and stops.
	 */
	void close() {
		if (open) {
			open = false;
			if (!pending.offer(CLOSE)) {
				pending.clear();
				pending.offer(CLOSE);
			}
		}
	}

	private void write() {
		try {
			var out = context.getResponse().getOutputStream();
			while (true) {
				String wire = pending.take();
				if (wire.isEmpty()) {
					break;
				}
				out.write(wire.getBytes(StandardCharsets.UTF_8));
				out.flush();
			}
		} catch (IOException | IllegalStateException e) {
			// the client went away: it is dropped below
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		} finally {
			open = false;
			complete();
			gone.accept(this);
		}
	}

	private void complete() {
		try {
			context.complete();
		} catch (IllegalStateException e) {
			// already completed by the container (the client disconnected or timed out)
		}
	}
}
