package camera.web.internal.gallery;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import camera.web.internal.api.ApiError;
import camera.web.internal.api.ApiReply;
import camera.web.internal.api.WebErrorCode;
import camera.web.internal.context.GalleryWhiteboard;

/**
 * Serves the gallery's pages, plain HTML, JavaScript and CSS kept in the bundle: {@code /} is the gallery, the
 * other pages are {@code /<name>.html}. Only flat names of those three kinds are looked up, so no URL reaches
 * any other resource.
 */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect(GalleryWhiteboard.SELECT)
@HttpWhiteboardServletPattern("/*")
@HttpWhiteboardServletName("camera.web.gallery")
public final class GalleryServlet extends HttpServlet {
	private static final long serialVersionUID = 1L;
	private static final Pattern PAGE = Pattern.compile("[a-z][a-z0-9-]{0,40}\\.(html|js|css)");
	private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "js",
			"text/javascript; charset=utf-8", "css", "text/css; charset=utf-8");

	@Override
	protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
		String name = path.equals("/") ? "index.html" : path.substring(1);
		InputStream page = PAGE.matcher(name).matches() ? GalleryServlet.class.getResourceAsStream("site/" + name)
				: null;
		if (page == null) {
			ApiReply reply = ApiReply.error(new ApiError(WebErrorCode.NOT_FOUND, "no page " + (name.length() > 60
					? name.substring(0, 60) + "..." : name).replaceAll("\\p{Cntrl}", "?")));
			response.setStatus(reply.status());
			response.setContentType(reply.contentType());
			response.getOutputStream().write(reply.body());
			return;
		}
		try (page) {
			byte[] bytes = page.readAllBytes();
			response.setContentType(TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
			response.setHeader("Cache-Control", "no-cache");
			response.setHeader("X-Content-Type-Options", "nosniff");
			response.setContentLength(bytes.length);
			response.getOutputStream().write(bytes);
		}
	}
}
