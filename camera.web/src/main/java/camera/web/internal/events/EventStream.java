package camera.web.internal.events;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventHandler;
import org.osgi.service.event.propertytypes.EventTopics;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletAsyncSupported;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import camera.web.internal.context.GalleryWhiteboard;
import media.library.MediaLibraryEvents;

/**
 * The live updates at {@code /api/events}: server-sent events fed by the library's and the deferred engine's
 * EventAdmin events. Each client is an asynchronous request that stays open; one thread of this component
 * writes every event to every client in the order EventAdmin delivered them, and a comment every 15 s lets a
 * client that went away be noticed. A client whose write fails is dropped.
 */
@Component(service = { Servlet.class, EventHandler.class })
@HttpWhiteboardContextSelect(GalleryWhiteboard.SELECT)
@HttpWhiteboardServletPattern("/api/events")
@HttpWhiteboardServletName("camera.web.events")
@HttpWhiteboardServletAsyncSupported
@EventTopics({ MediaLibraryEvents.TOPIC_SAVED, MediaLibraryEvents.TOPIC_QUALITY_CHANGED,
		MediaLibraryEvents.TOPIC_DELETED, StreamTopics.JOB_TOPICS })
public final class EventStream extends HttpServlet implements EventHandler {
	private static final long serialVersionUID = 1L;
	private static final long HEARTBEAT_SECONDS = 15;

	private final transient Logger log;
	private final transient Set<AsyncContext> clients = ConcurrentHashMap.newKeySet();
	private final transient ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread thread = new Thread(r, "camera.web event stream");
		thread.setDaemon(true);
		return thread;
	});

	@Activate
	public EventStream(@Reference(service = LoggerFactory.class) Logger log) {
		this.log = log;
		writer.scheduleWithFixedDelay(() -> broadcast(": still here\n\n"), HEARTBEAT_SECONDS, HEARTBEAT_SECONDS,
				TimeUnit.SECONDS);
	}

	@Deactivate
	void deactivate() {
		writer.shutdownNow();
		for (AsyncContext client : clients) {
			close(client);
		}
		clients.clear();
	}

	@Override
	protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setStatus(200);
		response.setContentType("text/event-stream; charset=utf-8");
		response.setHeader("Cache-Control", "no-cache");
		response.setHeader("X-Accel-Buffering", "no");
		AsyncContext client = request.startAsync();
		client.setTimeout(0);
		client.addListener(new AsyncListener() {
			@Override
			public void onComplete(AsyncEvent event) {
				clients.remove(client);
			}

			@Override
			public void onTimeout(AsyncEvent event) {
				clients.remove(client);
			}

			@Override
			public void onError(AsyncEvent event) {
				clients.remove(client);
			}

			@Override
			public void onStartAsync(AsyncEvent event) {
				// the stream is started once
			}
		});
		try {
			writer.execute(() -> {
				if (write(client, "retry: 2000\nevent: ready\ndata: {\"type\":\"ready\"}\n\n")) {
					clients.add(client);
				}
			});
		} catch (RejectedExecutionException e) {
			close(client); // the component is stopping
		}
	}

	@Override
	public void handleEvent(Event event) {
		StreamEvent.of(event).ifPresent(e -> {
			String wire = e.wire();
			try {
				writer.execute(() -> broadcast(wire));
			} catch (RejectedExecutionException stopping) {
				// the component is stopping: its clients are being closed
			}
		});
	}

	private void broadcast(String wire) {
		for (AsyncContext client : clients) {
			if (!write(client, wire)) {
				clients.remove(client);
				close(client);
			}
		}
	}

	private boolean write(AsyncContext client, String text) {
		try {
			var out = client.getResponse().getOutputStream();
			out.write(text.getBytes(StandardCharsets.UTF_8));
			out.flush();
			return true;
		} catch (IOException | IllegalStateException e) {
			log.debug("an event stream client went away: {}", e.toString());
			return false;
		}
	}

	private void close(AsyncContext client) {
		try {
			client.complete();
		} catch (IllegalStateException e) {
			log.debug("an event stream client was already closed: {}", e.toString());
		}
	}
}
