package camera.shell.internal.console;

/** What the commands say when a service they need is not there. */
public final class Services {
	public static final String NO_CAMERA_MANAGER =
			"no camera service available: the camera framework (camera.deferred) is not running";
	public static final String NO_CAMERA =
			"no camera available: the simulated HAL is stopped and no other HAL serves a camera";
	public static final String NO_MEDIA_LIBRARY = "no media library available: media.library is not running";
	public static final String NO_DEFERRED_PROCESSING =
			"no deferred processing available: the deferred engine (camera.deferred) is not running";

	private Services() {
	}

	/**
	 * @return the service, read once by the caller from its dynamic reference
	 * @throws CommandFailure with {@code whenMissing} if it is {@code null}
	 */
	public static <T> T require(T service, String whenMissing) {
		if (service == null) {
			throw new CommandFailure(whenMissing);
		}
		return service;
	}
}
