package camera.deferred.internal.framework;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import camera.api.CameraDevice;
import camera.api.CameraErrorCode;
import camera.api.CameraException;
import camera.api.hal.HalCamera;
import camera.api.hal.HalCameraInfo;

/**
 * The cameras the HALs offer now, and which input holds each one open. A camera is known by its id, so a HAL that
 * comes back with the same camera makes it usable again at once.
 */
final class CameraRegistry {
	private static final String DEFAULT_CAMERA = "sim-back";
	private static final Comparator<CameraDevice> ORDER = Comparator
		.comparing((CameraDevice c) -> !c.cameraId().equals(DEFAULT_CAMERA))
		.thenComparing(CameraDevice::cameraId);

	private final Map<String, HalCamera> cameras = new HashMap<>();
	private final Map<String, CameraDeviceInput> holders = new HashMap<>();

	/** A HAL camera appeared; a newer service for the same id replaces the older one. */
	synchronized void add(HalCamera camera) {
		cameras.put(camera.info().id(), camera);
	}

	/**
	 * A HAL camera went away. A newer service for the same id stays listed; the input that held the old one still
	 * has to hear of it.
	 *
	 * @return the input that holds its id, if one does; the caller checks that it holds this very service
	 */
	synchronized Optional<CameraDeviceInput> remove(HalCamera camera) {
		String id = camera.info().id();
		cameras.remove(id, camera);
		return Optional.ofNullable(holders.get(id));
	}

	synchronized List<CameraDevice> devices() {
		List<CameraDevice> devices = new ArrayList<>();
		for (HalCamera camera : cameras.values()) {
			devices.add(device(camera.info()));
		}
		devices.sort(ORDER);
		return List.copyOf(devices);
	}

	synchronized Optional<HalCamera> find(String cameraId) {
		return Optional.ofNullable(cameras.get(cameraId));
	}

	/**
	 * @return the HAL camera serving that device now
	 * @throws CameraException INVALID_ARGUMENT for a null or unknown camera
	 */
	HalCamera require(CameraDevice camera) {
		if (camera == null) {
			throw new CameraException(CameraErrorCode.INVALID_ARGUMENT, "a camera is needed");
		}
		return find(camera.cameraId()).orElseThrow(() -> new CameraException(CameraErrorCode.INVALID_ARGUMENT,
				"no camera " + camera.cameraId() + " is available"));
	}

	/**
	 * Reserves the camera for one input.
	 *
	 * @throws CameraException CONFLICT_CAMERA when another input holds it
	 */
	synchronized void claim(String cameraId, CameraDeviceInput input) {
		CameraDeviceInput holder = holders.putIfAbsent(cameraId, input);
		if (holder != null && holder != input) {
			throw new CameraException(CameraErrorCode.CONFLICT_CAMERA, "camera " + cameraId + " is in use");
		}
	}

	synchronized void unclaim(String cameraId, CameraDeviceInput input) {
		holders.remove(cameraId, input);
	}

	/** @return the inputs holding a camera open now */
	synchronized List<CameraDeviceInput> holders() {
		return List.copyOf(holders.values());
	}

	static CameraDevice device(HalCameraInfo info) {
		return new CameraDevice(info.id(), info.name(), info.position(), info.type(), info.connection(), info.hal());
	}
}
