package camera.api;

/**
 * The sensor exposed the first frame of a capture.
 *
 * @param captureId the capture
 * @param timestamp when, in milliseconds since the epoch
 */
public record FrameShutterInfo(int captureId, long timestamp) {
}
