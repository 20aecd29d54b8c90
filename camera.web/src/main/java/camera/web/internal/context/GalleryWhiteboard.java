package camera.web.internal.context;

/**
 * The name of the gallery's servlet context in the HTTP Whiteboard, which every servlet of the bundle selects:
 * the context applies the access policy to each request before a servlet sees it.
 */
public final class GalleryWhiteboard {
	/** The context's name. */
	public static final String CONTEXT_NAME = "camera.web";
	/** The filter that selects the context. */
	public static final String SELECT = "(osgi.http.whiteboard.context.name=" + CONTEXT_NAME + ")";

	private GalleryWhiteboard() {
	}
}
