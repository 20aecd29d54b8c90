package camera.api;

/** The kind of lens of a camera. */
public enum CameraType {
	DEFAULT, WIDE_ANGLE, ULTRA_WIDE, TELEPHOTO, TRUE_DEPTH
}
