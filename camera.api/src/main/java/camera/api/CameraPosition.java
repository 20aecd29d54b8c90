package camera.api;

/** Where a camera faces. */
public enum CameraPosition {
	UNSPECIFIED, BACK, FRONT
}
