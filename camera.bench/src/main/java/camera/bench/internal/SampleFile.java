package camera.bench.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The per-capture latencies of a {@code camera:bench} run as text, for plotting their distributions: one line
 * per measured capture, {@code <mode> TAB <milliseconds>}, the deferred (phase 1) captures first, each mode in
 * the order captured.
 */
final class SampleFile {
	/** The mode of a capture timed to photoAssetAvailable on the deferred output. */
	static final String PHASE1 = "phase1";
	/** The mode of a capture timed to photoAvailable on the single-phase output. */
	static final String SINGLE = "single";

	private SampleFile() {
	}

	/** Writes the file whole, replacing an earlier run's. */
	static void write(Path file, List<Long> deferredNanos, List<Long> singlePhaseNanos) throws IOException {
		Files.write(file, lines(deferredNanos, singlePhaseNanos), StandardCharsets.UTF_8);
	}

	static List<String> lines(List<Long> deferredNanos, List<Long> singlePhaseNanos) {
		List<String> lines = new ArrayList<>(deferredNanos.size() + singlePhaseNanos.size());
		deferredNanos.forEach(nanos -> lines.add(line(PHASE1, nanos)));
		singlePhaseNanos.forEach(nanos -> lines.add(line(SINGLE, nanos)));
		return lines;
	}

	private static String line(String mode, long nanos) {
		return mode + "\t" + String.format(Locale.ROOT, "%.3f", nanos / 1e6);
	}
}
