package camera.api;

/**
 * A camera the platform offers.
 *
 * @param cameraId       unique while the camera exists, e.g. {@code sim-back}
 * @param name           a name for people
 * @param position       where it faces
 * @param type           its kind of lens
 * @param connectionType how it is attached
 * @param hal            the name of the HAL that serves it, e.g. {@code sim} or {@code v4l2}
 */
public record CameraDevice(String cameraId, String name, CameraPosition position, CameraType type,
		ConnectionType connectionType, String hal) {
}
