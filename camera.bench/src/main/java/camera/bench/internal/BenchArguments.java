package camera.bench.internal;

import camera.api.CameraException;
import camera.api.Size;

/**
 * The validated arguments of {@code camera:bench}.
 *
 * @param size  the frame size to capture
 * @param count measured captures per delivery mode
 */
record BenchArguments(Size size, int count) {
	static final int MAXIMUM_COUNT = 1000;

	/** @throws IllegalArgumentException with one readable line naming the bad argument */
	static BenchArguments parse(String size, String count) {
		Size parsedSize;
		try {
			parsedSize = Size.parse(size);
		} catch (CameraException e) {
			throw new IllegalArgumentException("-s " + e.getMessage(), e);
		}
		if (parsedSize.width() < 16 || parsedSize.height() < 16) {
			throw new IllegalArgumentException("-s must be at least 16x16, not " + parsedSize);
		}
		int parsedCount;
		try {
			parsedCount = Integer.parseInt(count.trim());
		} catch (NumberFormatException e) {
			parsedCount = -1;
		}
		if (parsedCount < 1 || parsedCount > MAXIMUM_COUNT) {
			throw new IllegalArgumentException(
					"-n must be a whole number from 1 to " + MAXIMUM_COUNT + ", not '" + count + "'");
		}
		return new BenchArguments(parsedSize, parsedCount);
	}
}
