package camera.hal.sim.internal.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import camera.api.Size;

class SimulatedSensorTest {
	private static final Size SIZE = new Size(64, 48);
	private static final int BLACK = 256;
	private static final ExecutorService WORKERS = Executors.newFixedThreadPool(2);
	private static final RowBands BANDS = new RowBands(WORKERS);

	@AfterAll
	static void stopWorkers() {
		WORKERS.shutdownNow();
	}

	private static SimulatedSensor sensor(int iso, double noiseScale, boolean vignetting, long seed) {
		return new SimulatedSensor(new SensorModel(BLACK, iso, noiseScale, noiseScale, vignetting), seed, 4, BANDS);
	}

	private static int[] samples(ByteBuffer buffer) {
		ByteBuffer little = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
		int[] values = new int[little.limit() / 2];
		for (int i = 0; i < values.length; i++) {
			values[i] = Short.toUnsignedInt(little.getShort(i * 2));
		}
		return values;
	}

	/** @return the reference value of the colour the RGGB site at x, y records */
	private static int referenceAtSite(int[] reference, int x, int y) {
		int channel = (y % 2 == 0) ? (x % 2 == 0 ? 0 : 1) : (x % 2 == 0 ? 1 : 2);
		return reference[(y * SIZE.width() + x) * 3 + channel];
	}

	@Nested
	class Scene {
		@Test
		void theSameSeedRendersTheSameScene() {
			assertThat(sensor(800, 1, true, 7).reference(SIZE)).isEqualTo(sensor(800, 1, true, 7).reference(SIZE));
		}

		@Test
		void anotherSeedRendersOtherDetail() {
			assertThat(sensor(800, 1, true, 7).reference(SIZE)).isNotEqualTo(sensor(800, 1, true, 8).reference(SIZE));
		}

		@Test
		void theSceneHasColourAndDarkAndBrightAreas() {
			int[] reference = samples(sensor(800, 1, false, 1).reference(SIZE));
			int fullScale = SensorModel.WHITE_LEVEL - BLACK;
			assertThat(Arrays.stream(reference).max().getAsInt()).isGreaterThan(fullScale * 3 / 4);
			assertThat(Arrays.stream(reference).min().getAsInt()).isLessThan(fullScale / 20);
			boolean coloured = false;
			for (int pixel = 0; pixel < reference.length; pixel += 3) {
				coloured |= Math.abs(reference[pixel] - reference[pixel + 2]) > fullScale / 4;
			}
			assertThat(coloured).isTrue();
		}

		@Test
		void theReferenceStaysBetweenBlackAndFullScale() {
			int[] reference = samples(sensor(800, 1, true, 1).reference(SIZE));
			assertThat(reference).hasSize(SIZE.width() * SIZE.height() * 3);
			assertThat(Arrays.stream(reference).boxed())
				.allMatch(value -> value >= 0 && value <= SensorModel.WHITE_LEVEL - BLACK);
		}
	}

	@Nested
	class Noise {
		@Test
		void theMeanOfManyFramesIsTheReferencePlusTheBlackLevel() {
			SimulatedSensor sensor = sensor(400, 1, true, 3);
			int frames = 200;
			double[] sums = new double[SIZE.width() * SIZE.height()];
			for (int frame = 0; frame < frames; frame++) {
				int[] raw = samples(sensor.frame(SIZE, Shake.NONE, frame));
				for (int i = 0; i < raw.length; i++) {
					sums[i] += raw[i];
				}
			}
			int[] reference = samples(sensor.reference(SIZE));
			double bias = 0;
			double worst = 0;
			for (int y = 0; y < SIZE.height(); y++) {
				for (int x = 0; x < SIZE.width(); x++) {
					double error = sums[y * SIZE.width() + x] / frames - BLACK - referenceAtSite(reference, x, y);
					bias += error;
					worst = Math.max(worst, Math.abs(error));
				}
			}
			// the noise of a mean of 200 frames is at most about 4 DN here; a wrong scale would be off by hundreds
			assertThat(bias / sums.length).isCloseTo(0, within(0.5));
			assertThat(worst).isLessThan(25);
		}

		@Test
		void noiseGrowsWithIso() {
			assertThat(differenceVariance(sensor(1600, 1, false, 1)))
				.isGreaterThan(3 * differenceVariance(sensor(100, 1, false, 1)));
		}

		@Test
		void noiseScalesOfZeroGiveTheReferenceExactly() {
			SimulatedSensor sensor = sensor(800, 0, true, 1);
			int[] raw = samples(sensor.frame(SIZE, Shake.NONE, 5));
			int[] reference = samples(sensor.reference(SIZE));
			for (int y = 0; y < SIZE.height(); y++) {
				for (int x = 0; x < SIZE.width(); x++) {
					assertThat(raw[y * SIZE.width() + x] - BLACK).isEqualTo(referenceAtSite(reference, x, y));
				}
			}
		}

		@Test
		void framesWithDifferentSeedsDiffer() {
			SimulatedSensor sensor = sensor(800, 1, true, 1);
			assertThat(sensor.frame(SIZE, Shake.NONE, 1)).isNotEqualTo(sensor.frame(SIZE, Shake.NONE, 2));
		}

		@Test
		void theSameFrameSeedGivesTheSameFrame() {
			assertThat(sensor(800, 1, true, 1).frame(SIZE, Shake.NONE, 9))
				.isEqualTo(sensor(800, 1, true, 1).frame(SIZE, Shake.NONE, 9));
		}

		@Test
		void samplesAreTwelveBitLittleEndianWords() {
			ByteBuffer frame = sensor(25600, 4, true, 1).frame(SIZE, Shake.NONE, 1);
			assertThat(frame.limit()).isEqualTo(SIZE.width() * SIZE.height() * 2);
			assertThat(Arrays.stream(samples(frame)).max().getAsInt()).isLessThanOrEqualTo(SensorModel.WHITE_LEVEL);
		}

		private double differenceVariance(SimulatedSensor sensor) {
			int[] first = samples(sensor.frame(SIZE, Shake.NONE, 1));
			int[] second = samples(sensor.frame(SIZE, Shake.NONE, 2));
			double squares = 0;
			for (int i = 0; i < first.length; i++) {
				double difference = first[i] - second[i];
				squares += difference * difference;
			}
			return squares / first.length;
		}
	}

	@Nested
	class Vignetting {
		@Test
		void cornersAreDarkerWithVignettingAndTheCentreIsNot() {
			int[] with = samples(sensor(800, 1, true, 1).reference(SIZE));
			int[] without = samples(sensor(800, 1, false, 1).reference(SIZE));
			int corner = 0;
			int centre = ((SIZE.height() / 2) * SIZE.width() + SIZE.width() / 2) * 3;
			assertThat(with[corner]).isLessThan(without[corner] * 3 / 4);
			assertThat(with[centre]).isCloseTo(without[centre], within(without[centre] / 50 + 1));
		}
	}

	@Nested
	class Shaking {
		@Test
		void aShakenFrameSeesTheSceneMovedByTheShake() {
			SimulatedSensor sensor = sensor(800, 0, false, 1);
			Shake shake = new Shake(2, -4);
			int[] still = samples(sensor.frame(SIZE, Shake.NONE, 1));
			int[] shaken = samples(sensor.frame(SIZE, shake, 1));
			for (int y = 4; y < SIZE.height() - 4; y++) {
				for (int x = 4; x < SIZE.width() - 4; x++) {
					assertThat(shaken[y * SIZE.width() + x])
						.isEqualTo(still[(y + shake.dy()) * SIZE.width() + x + shake.dx()]);
				}
			}
		}

		@Test
		void theFirstFrameOfABurstNeverMoves() {
			assertThat(Shake.of(42, 0, 8)).isEqualTo(Shake.NONE);
		}

		@Test
		void laterFramesMoveByEvenStepsWithinTheLimit() {
			for (int frame = 1; frame < 200; frame++) {
				Shake shake = Shake.of(42, frame, 5);
				assertThat(shake.dx() % 2).isZero();
				assertThat(shake.dy() % 2).isZero();
				assertThat(Math.abs(shake.dx())).isLessThanOrEqualTo(4);
				assertThat(Math.abs(shake.dy())).isLessThanOrEqualTo(4);
			}
		}

		@Test
		void laterFramesDoMove() {
			boolean moved = false;
			for (int frame = 1; frame < 20; frame++) {
				moved |= !Shake.of(42, frame, 4).equals(Shake.NONE);
			}
			assertThat(moved).isTrue();
		}
	}
}
