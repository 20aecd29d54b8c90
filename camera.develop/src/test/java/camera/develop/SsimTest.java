package camera.develop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class SsimTest {
	@Test
	void anImageIsWhollySimilarToItself() {
		RgbImage image = noise(64, 48, 1, 0);

		assertThat(image.ssim(image)).isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
	}

	@Test
	void moreNoiseMeansLessSimilarity() {
		RgbImage clean = noise(96, 64, 1, 0);
		RgbImage slightly = noise(96, 64, 1, 4);
		RgbImage heavily = noise(96, 64, 1, 40);

		assertThat(slightly.ssim(clean)).isLessThan(1).isGreaterThan(heavily.ssim(clean));
	}

	@Test
	void imagesOfDifferentSizesAreRefused() {
		assertThatThrownBy(() -> noise(32, 32, 1, 0).ssim(noise(32, 33, 1, 0)))
			.isInstanceOf(IllegalArgumentException.class);
	}

	/** A smooth gradient with Gaussian noise of the given spread. */
	private static RgbImage noise(int width, int height, long seed, double sigma) {
		SplittableRandom random = new SplittableRandom(seed);
		byte[] rgb = new byte[width * height * 3];
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				for (int c = 0; c < 3; c++) {
					double value = 40 + 2 * x + y + c * 10 + sigma * random.nextGaussian();
					rgb[(y * width + x) * 3 + c] = (byte) Math.max(0, Math.min(255, Math.round(value)));
				}
			}
		}
		return new RgbImage(width, height, rgb);
	}
}
