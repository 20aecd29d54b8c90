package camera.develop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResamplingTest {

	@Test
	void anImageOfTheRightSizeIsReturnedAsItIs() {
		RgbImage image = new RgbImage(2, 1, new byte[6]);

		assertThat(Resampling.toSize(image, 2, 1)).isSameAs(image);
	}

	@Test
	void doublingInterpolatesBetweenPixelCentres() {
		RgbImage image = new RgbImage(2, 1, new byte[] {0, 0, 0, 100, 100, 100});

		RgbImage doubled = Resampling.toSize(image, 4, 2);

		// Centres of the output columns fall at -0.25, 0.25, 0.75 and 1.25 source pixels.
		assertThat(doubled.rgb()).startsWith(0, 0, 0, 25, 25, 25, 75, 75, 75, 100, 100, 100);
	}
}
