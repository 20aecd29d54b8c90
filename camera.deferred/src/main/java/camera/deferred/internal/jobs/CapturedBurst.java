package camera.deferred.internal.jobs;

import java.time.Instant;
import java.util.List;

import camera.api.PhotoCaptureSetting;
import camera.api.hal.HalCameraInfo;
import camera.api.hal.RawFrame;

/**
 * Everything phase 2 needs to develop a capture later, handed from the capture path to the engine.
 *
 * @param frames      the raw burst
 * @param camera      the camera it came from (EXIF make and model)
 * @param setting     the capture setting (quality, rotation, mirror, location)
 * @param captureTime when it was captured
 */
public record CapturedBurst(List<RawFrame> frames, HalCameraInfo camera, PhotoCaptureSetting setting,
		Instant captureTime) {
	public CapturedBurst {
		frames = List.copyOf(frames);
	}
}
