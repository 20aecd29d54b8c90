package camera.web.internal.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import camera.web.internal.json.Json;

/**
 * What the API answers: a status, a content type, the bytes and extra headers.
 *
 * @param status      the HTTP status
 * @param contentType the media type of the body
 * @param body        the body; empty for 204 and 304
 * @param headers     extra response headers
 */
public record ApiReply(int status, String contentType, byte[] body, Map<String, String> headers) {
	public static final String JSON = "application/json; charset=utf-8";

	public ApiReply {
		headers = Map.copyOf(headers);
	}

	/** @return a 200 answer with the value as JSON */
	public static ApiReply json(Object value) {
		return json(200, value);
	}

	/** @return an answer with the value as JSON */
	public static ApiReply json(int status, Object value) {
		return new ApiReply(status, JSON, Json.write(value).getBytes(StandardCharsets.UTF_8), Map.of());
	}

	/** @return the one-line JSON answer of an error */
	public static ApiReply error(ApiError error) {
		return json(error.status(), error.body());
	}

	/** @return a 200 answer with bytes of that type */
	public static ApiReply bytes(String contentType, byte[] data) {
		return new ApiReply(200, contentType, data, Map.of());
	}

	/** @return a 204 answer */
	public static ApiReply noContent() {
		return new ApiReply(204, JSON, new byte[0], Map.of());
	}

	/** @return a 304 answer */
	public static ApiReply notModified() {
		return new ApiReply(304, JSON, new byte[0], Map.of());
	}

	/** @return this answer with one more header */
	public ApiReply withHeader(String name, String value) {
		Map<String, String> more = new LinkedHashMap<>(headers);
		more.put(name, value);
		return new ApiReply(status, contentType, body, more);
	}

	/** Writes this answer as the servlet's response. */
	public void writeTo(HttpServletResponse response) throws IOException {
		response.setStatus(status);
		response.setContentType(contentType);
		headers.forEach(response::setHeader);
		if (body.length > 0) {
			response.setContentLength(body.length);
			response.getOutputStream().write(body);
		}
	}

	/** @return the body as text (for JSON answers) */
	public String text() {
		return new String(body, StandardCharsets.UTF_8);
	}
}
