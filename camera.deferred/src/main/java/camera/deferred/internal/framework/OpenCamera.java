package camera.deferred.internal.framework;

import camera.api.hal.HalCamera;
import camera.api.hal.HalDevice;

/**
 * A camera as an input holds it open.
 *
 * @param camera the HAL service
 * @param device the opened device
 */
record OpenCamera(HalCamera camera, HalDevice device) {
}
