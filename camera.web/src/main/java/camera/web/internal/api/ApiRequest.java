package camera.web.internal.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One API request as the handlers see it, free of the servlet API so that they can be tested without a server.
 *
 * @param method   the HTTP method, upper case
 * @param segments the path below {@code /api}, split at slashes, each decoded
 * @param query    the query parameters, the first value of each
 * @param headers  the request headers by lower-case name
 * @param body     the body as text, empty when there is none
 */
public record ApiRequest(String method, List<String> segments, Map<String, String> query, Map<String, String> headers,
		String body) {
	public ApiRequest {
		segments = List.copyOf(segments);
		query = Map.copyOf(query);
		headers = Map.copyOf(headers);
	}

	/** @return the query parameter, if given and not empty */
	public Optional<String> parameter(String name) {
		return Optional.ofNullable(query.get(name)).filter(v -> !v.isEmpty());
	}

	/** @return the header with that (lower-case) name, if given */
	public Optional<String> header(String name) {
		return Optional.ofNullable(headers.get(name));
	}

	/** @return a request with no query, headers or body: for tests and internal dispatch */
	public static ApiRequest of(String method, String path) {
		return new ApiRequest(method, split(path), Map.of(), Map.of(), "");
	}

	/** @return this request with another query */
	public ApiRequest withQuery(Map<String, String> newQuery) {
		return new ApiRequest(method, segments, newQuery, headers, body);
	}

	/** @return this request with a body */
	public ApiRequest withBody(String newBody) {
		return new ApiRequest(method, segments, query, headers, newBody);
	}

	/** @return this request with headers */
	public ApiRequest withHeaders(Map<String, String> newHeaders) {
		return new ApiRequest(method, segments, query, newHeaders, body);
	}

	/** @return the path split at slashes, without empty segments */
	public static List<String> split(String path) {
		if (path == null) {
			return List.of();
		}
		return java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
	}
}
