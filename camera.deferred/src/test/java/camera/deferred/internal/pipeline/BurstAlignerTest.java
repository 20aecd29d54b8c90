package camera.deferred.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

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
}
