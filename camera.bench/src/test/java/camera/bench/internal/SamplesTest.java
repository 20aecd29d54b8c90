package camera.bench.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SamplesTest {

	@Test
	void theMedianIsTheMiddleSampleInMilliseconds() {
		Samples samples = Samples.ofNanos(List.of(3_000_000L, 1_000_000L, 2_000_000L));

		assertThat(samples.median()).isEqualTo(2.0);
	}

	@Test
	void theNinetyNinthPercentileOfFewSamplesIsTheLargest() {
		Samples samples = Samples.ofNanos(List.of(5_000_000L, 1_000_000L, 9_000_000L, 2_000_000L));

		assertThat(samples.percentile(99)).isEqualTo(9.0);
	}

	@Test
	void nothingMeasuredIsNotANumber() {
		assertThat(Samples.ofNanos(List.of()).median()).isNaN();
	}
}
