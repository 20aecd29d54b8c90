package camera.api;

/**
 * A capture started.
 *
 * @param captureId the id of the capture, unique per output
 * @param time      the estimated time of the capture in milliseconds, from the press to its last frame: what the
 *                  camera's recent captures took, or, before its first, its burst at 30 frames a second; never
 *                  negative
 */
public record CaptureStartInfo(int captureId, long time) {
}
