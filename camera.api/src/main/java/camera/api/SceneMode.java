package camera.api;

/** The scene mode a session is created for. */
public enum SceneMode {
	NORMAL_PHOTO
}
