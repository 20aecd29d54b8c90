package media.library.internal.files;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** Makes the display names the library chooses for camera assets. */
public final class GeneratedNames {
	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

	private final AtomicInteger sequence = new AtomicInteger();

	/** @return a fresh name of the form {@code IMG_<date>_<time>_<n>.<extension>} */
	public String generate(LocalDateTime time, String extension) {
		int n = Math.floorMod(sequence.incrementAndGet(), 1000);
		return "IMG_" + STAMP.format(time) + "_" + String.format(Locale.ROOT, "%03d", n) + "." + extension;
	}
}
