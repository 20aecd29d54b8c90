package camera.web.internal.security;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.servlet.context.ServletContextHelper;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.service.servlet.runtime.HttpServiceRuntimeConstants;
import org.osgi.service.servlet.whiteboard.HttpWhiteboardConstants;
import org.osgi.service.servlet.whiteboard.annotations.RequireHttpWhiteboard;

import camera.web.internal.api.ApiError;
import camera.web.internal.context.GalleryWhiteboard;
import camera.web.internal.api.ApiReply;

/**
 * The servlet context of the gallery and its API, at {@code /}: every request passes
 * {@link #handleSecurity} first, which applies the {@link AccessPolicy}. It watches where the HTTP service
 * listens and says in the log when the gallery serves nothing because an exposed address has no token.
 * <p>
 * It registers its context service itself, with the whiteboard properties only: a DS service would carry its
 * configuration, the token with it, as service properties that every bundle can read.
 */
@Component(service = {}, configurationPid = WebConfiguration.PID, immediate = true)
@Designate(ocd = WebConfiguration.class)
@RequireHttpWhiteboard
public final class GalleryContext extends ServletContextHelper {
	private final Logger log;
	private final ServiceRegistration<ServletContextHelper> registration;
	private final ServiceRegistration<Servlet> session;
	private volatile AccessPolicy policy;
	/** Where the gallery was last said to be; the runtime's callbacks come one at a time. */
	private volatile List<String> announced = List.of();

	@Activate
	public GalleryContext(BundleContext bundle, WebConfiguration config,
			@Reference(service = LoggerFactory.class) Logger log) {
		this.log = log;
		this.policy = new AccessPolicy(config.token());
		this.registration = bundle.registerService(ServletContextHelper.class, this,
				FrameworkUtil.asDictionary(Map.of(HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME, GalleryWhiteboard.CONTEXT_NAME,
						HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_PATH, "/")));
		// registered here, not as a component of its own: it needs the token, which is no service property
		this.session = bundle.registerService(Servlet.class, new SessionServlet(() -> policy, log),
				FrameworkUtil.asDictionary(Map.of(HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_SELECT,
						GalleryWhiteboard.SELECT, HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN,
						SessionServlet.PATH, HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, "camera.web.session")));
	}

	@Deactivate
	void deactivate() {
		session.unregister();
		registration.unregister();
	}

	@Modified
	void modified(WebConfiguration config) {
		policy = new AccessPolicy(config.token());
		log.info("camera.web: the token is {}", policy.hasToken() ? "set: requests must carry it" : "not set");
	}

	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
	void bindRuntime(HttpServiceRuntime runtime, ServiceReference<HttpServiceRuntime> reference) {
		report(reference);
	}

	void updatedRuntime(HttpServiceRuntime runtime, ServiceReference<HttpServiceRuntime> reference) {
		report(reference);
	}

	void unbindRuntime(HttpServiceRuntime runtime) {
		announced = List.of(); // a server that comes back is announced again
	}

	private void report(ServiceReference<?> reference) {
		List<String> endpoints = Endpoints.of(reference.getProperty(HttpServiceRuntimeConstants.HTTP_SERVICE_ENDPOINT));
		List<String> exposed = Endpoints.exposed(endpoints);
		if (!exposed.isEmpty() && !policy.hasToken()) {
			log.error("camera.web serves nothing on {}: the HTTP server listens on a non-loopback address and no "
					+ "token is configured; set 'token' in the configuration camera.web or listen on 127.0.0.1 "
					+ "(org.apache.felix.http.host)", exposed);
		} else if (!endpoints.equals(announced)) {
			// the runtime changes its properties with every servlet it adds: say each new address once
			announced = endpoints;
			log.info("the web gallery is at {}", endpoints);
			// on the console, where the person who started the platform looks first: the shell's own output
			System.out.println(GalleryAnnouncement.line(endpoints));
		}
	}

	@Override
	public boolean handleSecurity(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		Optional<ApiError> refusal = policy.refusal(new AccessPolicy.Caller(request.getMethod(), path,
				Endpoints.isLoopbackAddress(request.getLocalAddr()), request.getHeader("Authorization"),
				SessionServlet.session(request), request.getHeader("Origin"), request.getHeader("Host"),
				request.getHeader("Sec-Fetch-Site")));
		if (refusal.isEmpty()) {
			return true;
		}
		ApiReply reply = ApiReply.error(refusal.get());
		if (reply.status() == 401) {
			if (isPage(request.getMethod(), path)) {
				// a person with a browser: the login page, which comes back here once signed in
				String query = request.getQueryString();
				response.setStatus(HttpServletResponse.SC_SEE_OTHER);
				response.setHeader("Location", SessionServlet.LOGIN_PAGE + "?next="
						+ URLEncoder.encode(path + (query == null ? "" : "?" + query), StandardCharsets.UTF_8));
				return false;
			}
			reply = reply.withHeader("WWW-Authenticate", "Bearer realm=\"darkroom\"");
		}
		reply.writeTo(response);
		return false;
	}

	private static boolean isPage(String method, String path) {
		return ("GET".equals(method) || "HEAD".equals(method)) && !path.startsWith("/api/");
	}
}
