package camera.bench.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LatencySamplesTest {

	@Test
	void whatTheSampleFileWritesIsReadBackPerMode() {
		List<String> written = SampleFile.lines(List.of(40_000_000L, 45_500_000L), List.of(480_000_000L));

		Map<String, List<Double>> read = LatencySamples.parse(written);

		assertThat(read).containsOnlyKeys(SampleFile.PHASE1, SampleFile.SINGLE);
		assertThat(read.get(SampleFile.PHASE1)).containsExactly(40.0, 45.5);
		assertThat(read.get(SampleFile.SINGLE)).containsExactly(480.0);
	}

	@Test
	void blankLinesAreSkipped() {
		assertThat(LatencySamples.parse(List.of("", "phase1\t3.5", " "))).containsEntry("phase1", List.of(3.5));
	}

	@Test
	void aLineWithoutMillisecondsIsRefusedWithItsNumber() {
		assertThatThrownBy(() -> LatencySamples.parse(List.of("phase1\t1.0", "single")))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessage("line 2 is not <mode> TAB <milliseconds>: 'single'");
	}

	@Test
	void aNegativeDurationIsRefused() {
		assertThatThrownBy(() -> LatencySamples.parse(List.of("phase1\t-2")))
				.isInstanceOf(IllegalArgumentException.class);
	}
}
