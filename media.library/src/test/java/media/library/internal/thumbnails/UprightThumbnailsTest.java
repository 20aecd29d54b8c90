package media.library.internal.thumbnails;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;

import javax.imageio.ImageIO;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import media.library.internal.ExifBlocks;

/**
 * A thumbnail carries no EXIF, so it shows the photo as a viewer would: turned and mirrored as the photo's
 * orientation says. The test photo is 400x300 with a bright quarter at the top left of the stored pixels.
 */
class UprightThumbnailsTest {
	private static final int BRIGHT = 230;

	@ParameterizedTest(name = "orientation {0}: {1}x{2}, bright corner at {3}")
	@CsvSource({ "1, 64, 48, top-left", "2, 64, 48, top-right", "3, 64, 48, bottom-right", "4, 64, 48, bottom-left",
			"5, 48, 64, top-left", "6, 48, 64, top-right", "7, 48, 64, bottom-right", "8, 48, 64, bottom-left" })
	void theThumbnailIsUprightWithTheBrightCornerWhereAViewerShowsIt(int orientation, int width, int height,
			String corner) throws IOException {
		byte[] photo = ExifBlocks.insert(photoWithBrightTopLeft(),
				ExifBlocks.app1(ByteOrder.BIG_ENDIAN, "2026:12:02 01:00:00", "+00:00", orientation));

		BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(Thumbnails.make(photo, 400, 300, 64)));

		assertThat(thumbnail.getWidth()).isEqualTo(width);
		assertThat(thumbnail.getHeight()).isEqualTo(height);
		assertThat(brightCorner(thumbnail)).isEqualTo(corner);
	}

	private static byte[] photoWithBrightTopLeft() throws IOException {
		BufferedImage image = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < 300; y++) {
			for (int x = 0; x < 400; x++) {
				int level = x < 200 && y < 150 ? BRIGHT : 20;
				image.setRGB(x, y, level << 16 | level << 8 | level);
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "jpeg", out);
		return out.toByteArray();
	}

	private static String brightCorner(BufferedImage image) {
		int right = image.getWidth() - 4;
		int bottom = image.getHeight() - 4;
		if (bright(image, 3, 3)) {
			return "top-left";
		}
		if (bright(image, right, 3)) {
			return "top-right";
		}
		if (bright(image, right, bottom)) {
			return "bottom-right";
		}
		return bright(image, 3, bottom) ? "bottom-left" : "none";
	}

	private static boolean bright(BufferedImage image, int x, int y) {
		return (image.getRGB(x, y) & 0xFF) > 128;
	}
}
