package media.library.internal.requests;

import media.library.MediaQuality;

/**
 * The image file of an asset as read at one moment, with the quality the database gives it at that moment.
 *
 * @param data        the encoded file
 * @param quality     FAST or FULL
 * @param waitsForJob whether a deferred job will still replace a FAST image
 */
public record CurrentImage(byte[] data, MediaQuality quality, boolean waitsForJob) {
}
