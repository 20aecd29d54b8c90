package camera.bench.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads what {@code camera:bench --samples} wrote ({@link SampleFile}): milliseconds per mode, in file order. */
final class LatencySamples {
	private LatencySamples() {
	}

	static Map<String, List<Double>> read(Path file) throws IOException {
		return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
	}

	/** @throws IllegalArgumentException naming the line number of a line that is not mode, tab, milliseconds */
	static Map<String, List<Double>> parse(List<String> lines) {
		Map<String, List<Double>> samples = new LinkedHashMap<>();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			if (line.isBlank()) {
				continue;
			}
			String[] fields = line.split("\t");
			double millis;
			try {
				millis = fields.length == 2 ? Double.parseDouble(fields[1]) : Double.NaN;
			} catch (NumberFormatException e) {
				millis = Double.NaN;
			}
			if (Double.isNaN(millis) || millis < 0 || fields[0].isBlank()) {
				throw new IllegalArgumentException("line " + (i + 1) + " is not <mode> TAB <milliseconds>: '" + line + "'");
			}
			samples.computeIfAbsent(fields[0], mode -> new ArrayList<>()).add(millis);
		}
		return samples;
	}
}
