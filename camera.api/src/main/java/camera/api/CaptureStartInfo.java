package camera.api;

/**
 * A capture started.
 *
 * @param captureId the id of the capture, unique per output
 * @param time      the expected exposure time in milliseconds, or -1 when unknown
 */
public record CaptureStartInfo(int captureId, long time) {
}
