package camera.web.internal.events;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
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
import org.osgi.service.event.Event;
import org.osgi.service.event.EventHandler;
import org.osgi.service.event.propertytypes.EventTopics;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletAsyncSupported;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import camera.web.internal.context.GalleryWhiteboard;
import media.library.MediaLibraryEvents;

/**
 * The live updates at {@code /api/events}: server-sent events fed by the library's and the deferred engine's
 * EventAdmin events. Each client is an asynchronous request that stays open with its own writer
 * ({@link StreamClient}), so a slow client delays nobody else; a comment every 15 s lets a client that went away
 * be noticed.
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
	private static final String GREETING = "retry: 2000\nevent: ready\ndata: {\"type\":\"ready\"}\n\n";

	private final transient Set<StreamClient> clients = ConcurrentHashMap.newKeySet();
	private final transient ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread thread = new Thread(r, "camera.web event stream heartbeat");
		thread.setDaemon(true);
		return thread;
	});
	private volatile boolean active = true;

	@Activate
	public EventStream() {
		heartbeat.scheduleWithFixedDelay(() -> broadcast(": still here\n\n"), HEARTBEAT_SECONDS, HEARTBEAT_SECONDS,
				TimeUnit.SECONDS);
	}

	@Deactivate
	void deactivate() {
		active = false;
		heartbeat.shutdownNow();
		clients.forEach(StreamClient::close);
	}

	@Override
	protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setStatus(200);
		response.setContentType("text/event-stream; charset=utf-8");
		response.setHeader("Cache-Control", "no-cache");
		response.setHeader("X-Accel-Buffering", "no");
		AsyncContext context = request.startAsync();
		context.setTimeout(0);
		StreamClient client = new StreamClient(context, clients::remove);
		context.addListener(new AsyncListener() {
			@Override
			public void onComplete(AsyncEvent event) {
				client.close();
			}

			@Override
			public void onTimeout(AsyncEvent event) {
				client.close();
			}

			@Override
			public void onError(AsyncEvent event) {
				client.close();
			}

			@Override
			public void onStartAsync(AsyncEvent event) {
				// the stream is started once
			}
		});
		clients.add(client);
		client.start(GREETING);
		if (!active) {
			client.close(); // the component stopped while this request came in
		}
	}

	@Override
	public void handleEvent(Event event) {
		StreamEvent.of(event).ifPresent(e -> broadcast(e.wire()));
	}

	private void broadcast(String wire) {
		for (StreamClient client : clients) {
			client.send(wire);
		}
	}
}
