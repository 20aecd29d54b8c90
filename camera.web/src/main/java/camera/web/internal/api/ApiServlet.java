package camera.web.internal.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import camera.api.CameraManager;
import camera.api.DeferredProcessing;
import camera.web.internal.context.GalleryWhiteboard;
import camera.web.internal.events.JobHistory;
import media.library.MediaAssetManager;
import media.library.PhotoAccessHelper;

/**
 * Serves the JSON API at {@code /api/*}: turns servlet requests into {@link ApiRequest}s for {@link Api} and its
 * {@link ApiReply}s back into responses. The platform services are dynamic: while one is missing, the requests
 * that need it get SERVICE_UNAVAILABLE.
 */
@Component(service = Servlet.class, configurationPid = ApiConfiguration.PID)
@Designate(ocd = ApiConfiguration.class)
@HttpWhiteboardContextSelect(GalleryWhiteboard.SELECT)
@HttpWhiteboardServletPattern("/api/*")
@HttpWhiteboardServletName("camera.web.api")
public final class ApiServlet extends HttpServlet implements PlatformServices {
	private static final long serialVersionUID = 1L;
	/** Capture and change requests are small JSON documents. */
	private static final int MAX_BODY_BYTES = 64 * 1024;

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
			policyOption = ReferencePolicyOption.GREEDY)
	private volatile CameraManager cameraManager;

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
			policyOption = ReferencePolicyOption.GREEDY)
	private volatile PhotoAccessHelper photoAccess;

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
			policyOption = ReferencePolicyOption.GREEDY)
	private volatile MediaAssetManager assetManager;

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
			policyOption = ReferencePolicyOption.GREEDY)
	private volatile DeferredProcessing deferredProcessing;

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
			policyOption = ReferencePolicyOption.GREEDY)
	private volatile JobHistory jobHistory;

	private final transient Logger log;
	private transient volatile Api api;

	@Activate
	public ApiServlet(ApiConfiguration config, @Reference(service = LoggerFactory.class) Logger log) {
		this.log = log;
		this.api = api(config);
	}

	@Modified
	void modified(ApiConfiguration config) {
		api = api(config);
	}

	private Api api(ApiConfiguration config) {
		return new Api(this, Duration.ofSeconds(Math.max(1, config.captureTimeoutSeconds())),
				Duration.ofSeconds(Math.max(1, config.imageTimeoutSeconds())),
				(request, failure) -> log.error("{} /api/{} failed: {}", request.method(),
						String.join("/", request.segments()), failure.toString(), failure));
	}

	@Override
	public CameraManager cameras() {
		return PlatformServices.require(cameraManager, "the camera framework (camera.deferred)");
	}

	@Override
	public PhotoAccessHelper library() {
		return PlatformServices.require(photoAccess, "the media library");
	}

	@Override
	public MediaAssetManager images() {
		return PlatformServices.require(assetManager, "the media library");
	}

	@Override
	public DeferredProcessing deferred() {
		return PlatformServices.require(deferredProcessing, "the deferred engine (camera.deferred)");
	}

	@Override
	public List<JobHistory.Step> jobTimeline(String assetUri) {
		JobHistory history = jobHistory;
		return history == null ? List.of() : history.timelineOfAsset(assetUri);
	}

	@Override
	protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
		ApiReply reply;
		try {
			reply = api.handle(new ApiRequest(request.getMethod().toUpperCase(Locale.ROOT),
					ApiRequest.split(request.getPathInfo()), query(request.getQueryString()), headers(request),
					body(request)));
		} catch (ApiError e) {
			reply = ApiReply.error(e);
		}
		reply.writeTo(response);
	}

	/** Parses the query string itself: the servlet's parameters would also read a form body. */
	static Map<String, String> query(String queryString) {
		Map<String, String> query = new LinkedHashMap<>();
		if (queryString == null) {
			return query;
		}
		for (String pair : queryString.split("&")) {
			int equals = pair.indexOf('=');
			String name = equals < 0 ? pair : pair.substring(0, equals);
			String value = equals < 0 ? "" : pair.substring(equals + 1);
			try {
				query.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
						URLDecoder.decode(value, StandardCharsets.UTF_8));
			} catch (IllegalArgumentException e) {
				throw new ApiError(WebErrorCode.INVALID_REQUEST, "the query string is not URL-encoded text");
			}
		}
		return query;
	}

	private static Map<String, String> headers(HttpServletRequest request) {
		Map<String, String> headers = new HashMap<>();
		for (String name : Collections.list(request.getHeaderNames())) {
			headers.putIfAbsent(name.toLowerCase(Locale.ROOT), request.getHeader(name));
		}
		return headers;
	}

	private static String body(HttpServletRequest request) throws IOException {
		try (InputStream in = request.getInputStream()) {
			byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
			if (bytes.length > MAX_BODY_BYTES) {
				throw new ApiError(413, WebErrorCode.INVALID_REQUEST.name(),
						"the body is larger than " + MAX_BODY_BYTES + " bytes");
			}
			return new String(bytes, StandardCharsets.UTF_8);
		}
	}
}
