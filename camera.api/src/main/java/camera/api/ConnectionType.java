package camera.api;

/** How a camera is attached. */
public enum ConnectionType {
	BUILT_IN, USB_PLUGIN, REMOTE
}
