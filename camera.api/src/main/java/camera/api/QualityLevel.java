package camera.api;

/** The JPEG quality of a photo. */
public enum QualityLevel {
	HIGH, MEDIUM, LOW
}
