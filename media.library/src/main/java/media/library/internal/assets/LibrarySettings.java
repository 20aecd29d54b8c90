package media.library.internal.assets;

import java.time.Duration;

/**
 * The tunables of the library.
 *
 * @param pendingTimeout how long an unsaved camera asset, or an asset without an image, is kept
 * @param thumbnailSize  the longest side of a thumbnail, in pixels
 * @param busyTimeout    how long an operation waits for a database locked by another process
 */
public record LibrarySettings(Duration pendingTimeout, int thumbnailSize, Duration busyTimeout) {
	public LibrarySettings {
		if (pendingTimeout.isNegative() || pendingTimeout.isZero()) {
			throw new IllegalArgumentException("the pending timeout must be positive, not " + pendingTimeout);
		}
		if (thumbnailSize < 16 || thumbnailSize > 4096) {
			throw new IllegalArgumentException("the thumbnail size must be 16 to 4096 pixels, not " + thumbnailSize);
		}
		if (busyTimeout.isNegative()) {
			throw new IllegalArgumentException("the busy timeout cannot be negative: " + busyTimeout);
		}
	}

	/** @return the defaults that also the configuration declares */
	public static LibrarySettings defaults() {
		return new LibrarySettings(Duration.ofMinutes(10), 256, Duration.ofSeconds(5));
	}
}
