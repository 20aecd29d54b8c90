package camera.deferred.internal.framework;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import camera.develop.RgbImage;

class ThumbnailScalerTest {

	@Test
	void shrinksTheLongestSideAndKeepsTheAspect() {
		RgbImage image = new RgbImage(40, 20, new byte[40 * 20 * 3]);

		RgbImage thumbnail = ThumbnailScaler.scale(image, 10);

		assertThat(thumbnail.width()).isEqualTo(10);
		assertThat(thumbnail.height()).isEqualTo(5);
	}

	@Test
	void averagesThePixelsUnderEachThumbnailPixel() {
		byte[] rgb = new byte[4 * 4 * 3];
		for (int i = 0; i < rgb.length; i += 6) {
			rgb[i] = (byte) 200; // every other pixel red 200, the others black
		}

		RgbImage thumbnail = ThumbnailScaler.scale(new RgbImage(4, 4, rgb), 1);

		assertThat(thumbnail.rgb()).containsExactly(100, 0, 0);
	}

	@Test
	void leavesAnImageThatFitsAsItIs() {
		RgbImage image = new RgbImage(8, 6, new byte[8 * 6 * 3]);

		assertThat(ThumbnailScaler.scale(image, 8)).isSameAs(image);
	}
}
