package camera.bench.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleFileTest {

	@Test
	void everyCaptureIsOneLineOfModeAndMillisecondsPhaseOneFirst() {
		List<String> lines = SampleFile.lines(List.of(41_250_000L, 39_000_000L), List.of(472_125_500L));

		assertThat(lines).containsExactly("phase1\t41.250", "phase1\t39.000", "single\t472.126");
	}

	@Test
	void theFileHoldsTheLinesAndReplacesAnEarlierRun(@TempDir Path folder) throws IOException {
		Path file = folder.resolve("samples.tsv");
		Files.writeString(file, "an earlier run\n");

		SampleFile.write(file, List.of(1_000_000L), List.of(2_000_000L));

		assertThat(Files.readAllLines(file)).containsExactly("phase1\t1.000", "single\t2.000");
	}
}
