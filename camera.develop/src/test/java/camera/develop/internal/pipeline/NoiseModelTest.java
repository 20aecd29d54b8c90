package camera.develop.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NoiseModelTest {
	private static final double SIGMA = 40;

	@Test
	void aFlatFrameGivesItsNoiseVariance() {
		BayerMosaic flat = NoisyMosaic.of(512, 384, (x, y) -> 1500, SIGMA, 1);

		assertThat(NoiseModel.measure(flat).variance(1500)).isBetween(0.7 * SIGMA * SIGMA, 1.4 * SIGMA * SIGMA);
	}

	@Test
	void fineDetailAtTheTopOfTheFrameDoesNotPassForNoise() {
		// One-pixel stripes whose two green sites differ by 600 fill the top 40 % of the rows at the same level.
		BayerMosaic detailed = NoisyMosaic.of(512, 384, (x, y) -> y < 154 ? 1500 + ((x & 1) == 0 ? 300 : -300) : 1500,
				SIGMA, 2);

		assertThat(NoiseModel.measure(detailed).variance(1500)).isLessThan(4 * SIGMA * SIGMA);
	}
}
