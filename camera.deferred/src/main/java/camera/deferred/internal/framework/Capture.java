package camera.deferred.internal.framework;

import camera.api.PhotoCaptureSetting;

/**
 * One capture asked for by an app, from {@code capture()} until its last event.
 *
 * @param id            the capture id its events carry
 * @param setting       quality, rotation, mirror and location
 * @param configuration the output's committed configuration when it was asked for
 * @param input         the camera it captures from
 * @param output        the output whose listeners hear of it
 * @param timeline      when it was asked for and when each of its stages ended
 */
record Capture(int id, PhotoCaptureSetting setting, OutputConfiguration configuration, CameraDeviceInput input,
		PhotoOutputStream output, CaptureTimeline timeline) {
}
