package camera.hal.sim.internal.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NoiseLanesTest {
	private static final int WIDTH = 500;
	private static final int ROWS = 400;

	@Test
	void deviatesHaveMeanZeroAndVarianceOne() {
		NoiseLanes lanes = new NoiseLanes(1, 0, WIDTH);
		float[] row = new float[WIDTH];
		double sum = 0;
		double squares = 0;
		for (int y = 0; y < ROWS; y++) {
			lanes.nextRow(row);
			for (float deviate : row) {
				sum += deviate;
				squares += deviate * deviate;
			}
		}
		double count = (double) WIDTH * ROWS;
		assertThat(sum / count).isCloseTo(0, within(0.01));
		assertThat(squares / count).isCloseTo(1, within(0.02));
	}

	@Test
	void neighbouringRowsAndColumnsAreUncorrelated() {
		NoiseLanes lanes = new NoiseLanes(2, 0, WIDTH);
		float[] previous = new float[WIDTH];
		float[] row = new float[WIDTH];
		lanes.nextRow(previous);
		double vertical = 0;
		double horizontal = 0;
		for (int y = 0; y < ROWS; y++) {
			lanes.nextRow(row);
			for (int x = 1; x < WIDTH; x++) {
				vertical += row[x] * previous[x];
				horizontal += row[x] * row[x - 1];
			}
			System.arraycopy(row, 0, previous, 0, WIDTH);
		}
		double count = (double) (WIDTH - 1) * ROWS;
		assertThat(vertical / count).isCloseTo(0, within(0.01));
		assertThat(horizontal / count).isCloseTo(0, within(0.01));
	}

	@Test
	void eachBandDrawsOtherNumbers() {
		float[] first = new float[WIDTH];
		float[] second = new float[WIDTH];
		new NoiseLanes(3, 0, WIDTH).nextRow(first);
		new NoiseLanes(3, 1, WIDTH).nextRow(second);
		assertThat(first).isNotEqualTo(second);
	}
}
