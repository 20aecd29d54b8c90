package camera.shell.internal.deferred;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import camera.api.DeferredStats;
import camera.api.DeveloperStats;
import camera.api.JobPriority;

class StatsReportTest {

	private static String unformatted(DeferredStats stats) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		StatsReport.print(stats, new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
		return bytes.toString(StandardCharsets.UTF_8);
	}

	@Test
	void eachDevelopmentServiceGetsALineWithItsCompletedJobsAndAverageTime() {
		DeferredStats stats = new DeferredStats(Map.of(JobPriority.NORMAL, 0), 0, 5, 0, 0, 0, 0, 0, "ImageIO", false,
				Map.of(), 0, 0, List.of(new DeveloperStats("local", true, 1, 0, 3, 812.04),
						new DeveloperStats("127.0.0.1:7700", false, 2, 0, 2, 1500)));
		assertThat(unformatted(stats).lines().filter(line -> line.startsWith("developer ")))
			.containsExactly("developer local\tcompleted 3 average-ms 812.0 slots 1 running 0 available",
					"developer 127.0.0.1:7700\tcompleted 2 average-ms 1500.0 slots 2 running 0 away");
	}
}
