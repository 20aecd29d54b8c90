package camera.hal.sim.internal.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class NoiseTableTest {
	private static final int ROWS = 3000;

	@Test
	void theTableHasMeanZeroVarianceOneAndGaussianTails() {
		double sum = 0;
		double squares = 0;
		int beyondTwoSigma = 0;
		for (float deviate : NoiseTable.deviates()) {
			sum += deviate;
			squares += deviate * deviate;
			beyondTwoSigma += Math.abs(deviate) > 2 ? 1 : 0;
		}
		assertThat(sum / NoiseTable.SIZE).isCloseTo(0, within(1e-6));
		assertThat(squares / NoiseTable.SIZE).isCloseTo(1, within(1e-5));
		// a normal distribution has 4.55 % of its mass beyond two standard deviations
		assertThat((double) beyondTwoSigma / NoiseTable.SIZE).isCloseTo(0.0455, within(0.001));
	}

	@Test
	void everySliceFitsInTheTable() {
		for (int row = 0; row < ROWS; row++) {
			int start = NoiseTable.start(7, row, 0);
			assertThat(start).isBetween(0, NoiseTable.SIZE - NoiseTable.SLICE);
		}
	}

	@Test
	void theSameFrameSeedAndRowGiveTheSameSlice() {
		assertThat(NoiseTable.start(42, 17, 0)).isEqualTo(NoiseTable.start(42, 17, 0));
	}

	@Test
	void rowsOfAFrameAndFramesOfABurstStartTheirSlicesApart() {
		Set<Integer> starts = new HashSet<>();
		for (long frame = 0; frame < 4; frame++) {
			for (int row = 0; row < ROWS; row++) {
				starts.add(NoiseTable.start(frame, row, 0));
			}
		}
		// 12 000 draws among a million places: a handful may coincide, never a pattern
		assertThat(starts).hasSizeGreaterThan(4 * ROWS - 200);
	}

	@Test
	void theSamePixelOfTwoFramesGetsUncorrelatedNoise() {
		float[] deviates = NoiseTable.deviates();
		double product = 0;
		for (int row = 0; row < ROWS; row++) {
			int first = NoiseTable.start(1, row, 0);
			int second = NoiseTable.start(2, row, 0);
			for (int x = 0; x < 1000; x++) {
				product += deviates[first + x] * deviates[second + x];
			}
		}
		assertThat(product / (ROWS * 1000.0)).isCloseTo(0, within(0.005));
	}
}
