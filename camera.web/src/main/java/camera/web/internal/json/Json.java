package camera.web.internal.json;

import java.io.IOException;
import java.time.Instant;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;

/**
 * The one place that turns the API's records into JSON and back: Gson, with instants as ISO-8601 text and
 * nulls left out, everything on one line.
 */
public final class Json {
	private static final Gson GSON = new GsonBuilder().disableHtmlEscaping()
		.registerTypeAdapter(Instant.class, new InstantAdapter())
		.create();

	private Json() {
	}

	/** @return the value as one line of JSON */
	public static String write(Object value) {
		return GSON.toJson(value);
	}

	/**
	 * Reads a JSON document into a record or class.
	 *
	 * @throws JsonParseException for text that is not JSON or does not fit the type
	 */
	public static <T> T read(String text, Class<T> type) {
		JsonElement tree = JsonParser.parseString(text);
		if (!tree.isJsonObject()) {
			throw new JsonParseException("the body is not a JSON object");
		}
		T value = GSON.fromJson(tree, type);
		if (value == null) {
			throw new JsonParseException("the body is empty");
		}
		return value;
	}

	private static final class InstantAdapter extends TypeAdapter<Instant> {
		@Override
		public void write(JsonWriter out, Instant value) throws IOException {
			if (value == null) {
				out.nullValue();
			} else {
				out.value(value.toString());
			}
		}

		@Override
		public Instant read(JsonReader in) throws IOException {
			if (in.peek() == JsonToken.NULL) {
				in.nextNull();
				return null;
			}
			return Instant.parse(in.nextString());
		}
	}
}
