package camera.api;

/**
 * A capture ended.
 *
 * @param captureId  the capture
 * @param frameCount how many sensor frames it took
 */
public record CaptureEndInfo(int captureId, int frameCount) {
}
