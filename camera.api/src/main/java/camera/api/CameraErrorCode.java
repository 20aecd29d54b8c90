package camera.api;

/** The error codes of the camera, with the numbers of the source documents. */
public enum CameraErrorCode {
	/** A parameter is missing or out of range. */
	INVALID_ARGUMENT(7400101),
	/** The operation is not allowed in the current state. */
	OPERATION_NOT_ALLOWED(7400102),
	/** The session is not configured: {@code commitConfig} has not succeeded. */
	SESSION_NOT_CONFIG(7400103),
	/** The session is not running. */
	SESSION_NOT_RUNNING(7400104),
	/** The session configuration is locked. */
	SESSION_CONFIG_LOCKED(7400105),
	/** The device setting is locked. */
	DEVICE_SETTING_LOCKED(7400106),
	/** The camera is in use by another session or process. */
	CONFLICT_CAMERA(7400107),
	/** The camera is disabled or gone. */
	DEVICE_DISABLED(7400108),
	/** The camera was taken over by another user. */
	DEVICE_PREEMPTED(7400109),
	/** The camera service failed. */
	SERVICE_FATAL_ERROR(7400201);

	private final int code;

	CameraErrorCode(int code) {
		this.code = code;
	}

	/** @return the numeric code */
	public int code() {
		return code;
	}

	/** @return the error code with that number, if there is one */
	public static java.util.Optional<CameraErrorCode> of(int code) {
		for (CameraErrorCode c : values()) {
			if (c.code == code) {
				return java.util.Optional.of(c);
			}
		}
		return java.util.Optional.empty();
	}
}
