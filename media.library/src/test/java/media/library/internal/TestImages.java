package media.library.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/**
 * Small JPEG images of one grey level. FAST and FULL images in the tests differ in level, so the content of a
 * file tells which one it is.
 */
public final class TestImages {
	/** The grey level of images standing for a FAST image. */
	public static final int FAST_LEVEL = 40;
	/** The grey level of images standing for a FULL image. */
	public static final int FULL_LEVEL = 210;

	private TestImages() {
	}

	public static byte[] jpeg(int width, int height, int level) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		int rgb = level << 16 | level << 8 | level;
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				image.setRGB(x, y, rgb);
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "jpeg", out);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	public static byte[] fast() {
		return jpeg(32, 24, FAST_LEVEL);
	}

	public static byte[] full() {
		return jpeg(32, 24, FULL_LEVEL);
	}

	/** @return the mean grey level of a JPEG, or -1 when it does not decode */
	public static int level(byte[] jpeg) {
		try {
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
			return image == null ? -1 : level(image);
		} catch (IOException e) {
			return -1;
		}
	}

	public static int level(BufferedImage image) {
		long sum = 0;
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				sum += image.getRGB(x, y) & 0xff;
			}
		}
		return (int) (sum / ((long) image.getWidth() * image.getHeight()));
	}

	/** @return whether a JPEG is (close to) the FULL grey level */
	public static boolean isFull(byte[] jpeg) {
		return Math.abs(level(jpeg) - FULL_LEVEL) < 10;
	}

	/** @return whether a JPEG is (close to) the FAST grey level */
	public static boolean isFast(byte[] jpeg) {
		return Math.abs(level(jpeg) - FAST_LEVEL) < 10;
	}
}
