package camera.bench.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BenchReportTest {
	private final BenchReport report = new BenchReport("heading")
			.add("bench.phase1.p50_ms", "capture -> photoAssetAvailable p50", 42.123, "ms")
			.add("bench.ratio_p50", "ratio", 0.0456, "")
			.add("bench.jpeg.turbo_mp_per_s", "JPEG encode, libjpeg-turbo", Double.NaN, "MP/s");

	@Nested
	class ForScripts {
		@Test
		void everyValueIsOneKeyValueLine() {
			assertThat(printed(report::printKeyValues)).isEqualTo(
					"bench.phase1.p50_ms=42.1\nbench.ratio_p50=0.046\nbench.jpeg.turbo_mp_per_s=n/a\n");
		}
	}

	@Nested
	class ForPeople {
		@Test
		void theTableHasTheHeadingAHeaderAndAlignedValues() {
			String[] lines = printed(report::printTable).split("\n");

			assertThat(lines[0]).isEqualTo("heading");
			assertThat(lines[1]).startsWith("MEASURE").contains("VALUE").endsWith("UNIT");
			assertThat(lines[2].indexOf("42.1") + 4).isEqualTo(lines[3].indexOf("0.046") + 5);
		}
	}

	private static String printed(Consumer<PrintStream> printer) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		printer.accept(new PrintStream(bytes, true, StandardCharsets.UTF_8));
		return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
	}
}
