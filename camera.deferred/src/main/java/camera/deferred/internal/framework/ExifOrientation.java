package camera.deferred.internal.framework;

import camera.api.ImageRotation;

/** The EXIF orientation tag (1..8) that makes a viewer show the photo with the rotation and mirror asked for. */
final class ExifOrientation {

	private ExifOrientation() {
	}

	/**
	 * @param rotation clockwise rotation to apply when displaying
	 * @param mirror   whether the image is mirrored horizontally
	 * @return 1 normal, 2 mirrored, 3 rotated 180, 4 mirrored and rotated 180, 5 mirrored and rotated 270,
	 *         6 rotated 90, 7 mirrored and rotated 90, 8 rotated 270
	 */
	static int of(ImageRotation rotation, boolean mirror) {
		return switch (rotation) {
			case ROTATION_0 -> mirror ? 2 : 1;
			case ROTATION_90 -> mirror ? 7 : 6;
			case ROTATION_180 -> mirror ? 4 : 3;
			case ROTATION_270 -> mirror ? 5 : 8;
		};
	}
}
