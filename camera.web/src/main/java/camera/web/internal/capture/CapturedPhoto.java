package camera.web.internal.capture;

import media.library.PhotoAsset;

/**
 * A photo a capture took and saved.
 *
 * @param captureId the id its capture events carried
 * @param asset     the saved asset
 * @param latencyMillis from the shutter (the capture call) to the photo event, in milliseconds
 */
public record CapturedPhoto(int captureId, PhotoAsset asset, long latencyMillis) {
}
