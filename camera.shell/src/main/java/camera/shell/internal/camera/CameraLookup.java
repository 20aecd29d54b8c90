package camera.shell.internal.camera;

import java.util.List;
import java.util.stream.Collectors;

import camera.api.CameraDevice;
import camera.api.CameraManager;
import camera.api.CameraOutputCapability;
import camera.api.Profile;
import camera.api.SceneMode;
import camera.api.Size;
import camera.shell.internal.console.CommandFailure;
import camera.shell.internal.console.Services;

/** Finds the camera and the profile a command names, or says plainly why there is none. */
final class CameraLookup {
	private final CameraManager cameras;

	CameraLookup(CameraManager cameras) {
		this.cameras = cameras;
	}

	/** @return the cameras available now, at least one */
	List<CameraDevice> available() {
		List<CameraDevice> devices = cameras.getSupportedCameras();
		if (devices.isEmpty()) {
			throw new CommandFailure(Services.NO_CAMERA);
		}
		return devices;
	}

	/** @return the camera with that id, or the default camera when the id is empty */
	CameraDevice camera(String cameraId) {
		List<CameraDevice> devices = available();
		if (cameraId.isEmpty()) {
			return devices.getFirst();
		}
		return devices.stream()
			.filter(d -> d.cameraId().equals(cameraId))
			.findFirst()
			.orElseThrow(() -> new CommandFailure("no camera '" + cameraId + "': the cameras are "
					+ devices.stream().map(CameraDevice::cameraId).collect(Collectors.joining(", "))));
	}

	/** @return the photo profiles of the camera, largest first */
	List<Profile> profiles(CameraDevice camera) {
		CameraOutputCapability capability = cameras.getSupportedOutputCapability(camera, SceneMode.NORMAL_PHOTO);
		if (capability.photoProfiles().isEmpty()) {
			throw new CommandFailure("camera '" + camera.cameraId() + "' offers no photo profile");
		}
		return capability.photoProfiles();
	}

	/** @return the profile of that size, or the largest when the size is {@code null} */
	Profile profile(CameraDevice camera, Size size) {
		List<Profile> profiles = profiles(camera);
		if (size == null) {
			return profiles.getFirst();
		}
		return profiles.stream()
			.filter(p -> p.size().equals(size))
			.findFirst()
			.orElseThrow(() -> new CommandFailure("camera '" + camera.cameraId() + "' cannot take " + size
					+ " photos; its sizes are "
					+ profiles.stream().map(p -> p.size().toString()).distinct().collect(Collectors.joining(", "))));
	}
}
