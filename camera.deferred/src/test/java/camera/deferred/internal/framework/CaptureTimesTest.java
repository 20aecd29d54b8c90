package camera.deferred.internal.framework;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CaptureTimesTest {
	private final CaptureTimes times = new CaptureTimes();

	@Nested
	class Estimates {
		@Test
		void aCameraThatNeverCapturedIsEstimatedAtItsBurstOfNominalFrames() {
			assertThat(times.estimate("sim-back", 3)).isEqualTo(3 * CaptureTimes.NOMINAL_FRAME_MILLIS);
		}

		@Test
		void aMeasuredCaptureBecomesTheEstimate() {
			times.record("sim-back", 120);

			assertThat(times.estimate("sim-back", 3)).isEqualTo(120);
		}

		@Test
		void laterCapturesMoveTheEstimateTowardsThem() {
			times.record("sim-back", 100);
			times.record("sim-back", 200);

			assertThat(times.estimate("sim-back", 3)).isEqualTo(125);
		}

		@Test
		void eachCameraHasItsOwnEstimate() {
			times.record("sim-back", 500);

			assertThat(times.estimate("sim-front", 1)).isEqualTo(CaptureTimes.NOMINAL_FRAME_MILLIS);
		}
	}
}
