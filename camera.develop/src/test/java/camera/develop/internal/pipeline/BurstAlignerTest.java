package camera.develop.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import camera.api.hal.BayerPattern;

class BurstAlignerTest {

	@ParameterizedTest(name = "scene moved by ({0}, {1})")
	@CsvSource({"0, 0", "6, -4", "3, 5", "-7, -1", "1, 0", "18, 11"})
	void alignmentRecoversAKnownShift(int sceneX, int sceneY) {
		SyntheticBurst.Shot shot = new SyntheticBurst(256, 192, BayerPattern.RGGB, 4, 12)
				.capture(11, new int[] {0, 0}, new int[] {sceneX, sceneY});
		BurstAligner aligner = new BurstAligner(BayerMosaic.of(shot.frames().get(0)));

		FrameShift shift = aligner.shiftOf(BayerMosaic.of(shot.frames().get(1)));

		assertThat(shift).isEqualTo(new FrameShift(-sceneX, -sceneY));
	}

	@Test
	void aNoisyFrameWhoseCentreIsAHorizontalRampAlignsOnTheTextureElsewhere() {
		int sceneX = 4;
		BayerMosaic reference = NoisyMosaic.of(512, 384, BurstAlignerTest::rampWithCheckeredEdge, 60, 1);
		BayerMosaic moved = NoisyMosaic.of(512, 384, (x, y) -> rampWithCheckeredEdge(x + sceneX, y), 60, 2);

		FrameShift shift = new BurstAligner(reference).shiftOf(moved);

		assertThat(shift).isEqualTo(new FrameShift(-sceneX, 0));
	}

	/**
	 * A gentle ramp along x everywhere, with irregularly lit 16-pixel squares over it in a strip along the left
	 * edge only (irregular, so that no shift along the strip matches it again).
	 */
	private static int rampWithCheckeredEdge(int x, int y) {
		int ramp = 500 + x / 2;
		int square = (x / 16) * 73_856_093 ^ (y / 16) * 19_349_663;
		boolean lit = x < 112 && ((square >>> 7) & 1) == 0;
		return lit ? ramp + 800 : ramp;
	}
}
