package camera.shell.internal.camera;

import camera.api.CameraDevice;
import camera.api.CameraException;
import camera.api.CameraManager;
import camera.api.DeferredDeliveryImageType;
import camera.api.PhotoOutput;
import camera.api.PhotoSession;
import camera.api.Profile;
import camera.api.SceneMode;

/**
 * Asks whether a camera supports deferred photo delivery. The API answers that only for an output inside a
 * session, so the probe configures one without opening the camera (a capture elsewhere keeps it) and frees it.
 */
final class DeferredSupportProbe {
	private final CameraManager cameras;

	DeferredSupportProbe(CameraManager cameras) {
		this.cameras = cameras;
	}

	/** @return "yes", "no", or "unknown" when the framework cannot tell without opening the camera */
	String deferredSupport(CameraDevice camera, Profile profile) {
		PhotoSession session = cameras.createSession(SceneMode.NORMAL_PHOTO);
		PhotoOutput output = null;
		try {
			output = cameras.createPhotoOutput(profile);
			session.beginConfig();
			session.addInput(cameras.createCameraInput(camera));
			session.addOutput(output);
			return output.isDeferredImageDeliverySupported(DeferredDeliveryImageType.PHOTO) ? "yes" : "no";
		} catch (CameraException e) {
			return "unknown";
		} finally {
			session.release();
			if (output != null) {
				output.release();
			}
		}
	}
}
