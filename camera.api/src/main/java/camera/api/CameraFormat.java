package camera.api;

/** The format of the images an output delivers. */
public enum CameraFormat {
	/** JPEG-encoded photos. */
	JPEG
}
