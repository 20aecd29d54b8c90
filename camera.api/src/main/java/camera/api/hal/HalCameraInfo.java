package camera.api.hal;

import camera.api.CameraPosition;
import camera.api.CameraType;
import camera.api.ConnectionType;

/**
 * Who a camera is.
 *
 * @param id         unique among all cameras of all HALs, e.g. {@code sim-back} or {@code v4l2-video0}
 * @param name       a name for people
 * @param hal        the HAL's short name, e.g. {@code sim}
 * @param position   where it faces
 * @param type       its kind of lens
 * @param connection how it is attached
 * @param make       manufacturer, for EXIF
 * @param model      model, for EXIF
 */
public record HalCameraInfo(String id, String name, String hal, CameraPosition position, CameraType type,
		ConnectionType connection, String make, String model) {
}
