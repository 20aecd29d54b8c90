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
 * comes back with the same camera makes it usable again at once. Cameras are listed by descending service ranking,
 * then by id, so the first one, the default camera, is whichever the HAL services rank highest (see
 * {@link camera.api.hal.HalCameraProperties}).
 */
final class CameraRegistry {
	private static final Comparator<Served> ORDER = Comparator.comparingInt(Served::ranking)
		.reversed()
		.thenComparing(served -> served.camera().info().id());

	private record Served(HalCamera camera, int ranking) {
	}

	private final Map<String, Served> cameras = new HashMap<>();
	private final Map<String, CameraDeviceInput> holders = new HashMap<>();

	/** A HAL camera appeared with its service ranking; a newer service for the same id replaces the older one. */
	synchronized void add(HalCamera camera, int ranking) {
		cameras.put(camera.info().id(), new Served(camera, ranking));
	}

	/**
	 * A HAL camera went away. A newer service for the same id stays listed; the input that held the old one still
	 * has to hear of it.
	 *
	 * @return the input that holds its id, if one does; the caller checks that it holds this very service
	 */
	synchronized Optional<CameraDeviceInput> remove(HalCamera camera) {
		String id = camera.info().id();
		Served served = cameras.get(id);
		if (served != null && served.camera() == camera) {
			cameras.remove(id);
		}
		return Optional.ofNullable(holders.get(id));
	}

	synchronized List<CameraDevice> devices() {
		List<Served> served = new ArrayList<>(cameras.values());
		served.sort(ORDER);
		return served.stream().map(s -> device(s.camera().info())).toList();
	}

	synchronized Optional<HalCamera> find(String cameraId) {
		return Optional.ofNullable(cameras.get(cameraId)).map(Served::camera);
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
