package camera.deferred.internal.framework;

import camera.api.hal.HalCameraInfo;
import camera.api.hal.HalProfile;

/**
 * What a session's {@code commitConfig} decided for one output.
 *
 * @param delivery      how its photos are delivered
 * @param sensorProfile the size and pixel format the camera captures for it
 * @param frameCount    frames per capture
 * @param camera        the camera it captures from (EXIF make and model)
 */
record OutputConfiguration(PhotoDelivery delivery, HalProfile sensorProfile, int frameCount, HalCameraInfo camera) {
}
