package media.library.internal.thumbnails;

import java.awt.image.BufferedImage;

/** Turns and mirrors pixels as an EXIF orientation tells a viewer to, so the image comes out upright. */
final class Orientations {
	private Orientations() {
	}

	/**
	 * @param orientation the EXIF orientation 1..8 of the stored pixels
	 * @return the image as a viewer shows it; the image itself for orientation 1
	 */
	static BufferedImage upright(BufferedImage image, int orientation) {
		if (orientation == 1) {
			return image;
		}
		int width = image.getWidth();
		int height = image.getHeight();
		boolean sideways = orientation >= 5;
		BufferedImage turned = new BufferedImage(sideways ? height : width, sideways ? width : height,
				BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < turned.getHeight(); y++) {
			for (int x = 0; x < turned.getWidth(); x++) {
				turned.setRGB(x, y, switch (orientation) {
					case 2 -> image.getRGB(width - 1 - x, y);
					case 3 -> image.getRGB(width - 1 - x, height - 1 - y);
					case 4 -> image.getRGB(x, height - 1 - y);
					case 5 -> image.getRGB(y, x);
					case 6 -> image.getRGB(y, height - 1 - x);
					case 7 -> image.getRGB(width - 1 - y, height - 1 - x);
					case 8 -> image.getRGB(width - 1 - y, x);
					default -> throw new IllegalArgumentException("not an EXIF orientation: " + orientation);
				});
			}
		}
		return turned;
	}
}
