package camera.api;

import java.util.Objects;

/**
 * A format and size an output can deliver.
 *
 * @param format never {@code null}
 * @param size   never {@code null}
 */
public record Profile(CameraFormat format, Size size) {
	public Profile {
		if (format == null || size == null) {
			throw new CameraException(CameraErrorCode.INVALID_ARGUMENT, "a profile needs a format and a size");
		}
	}

	@Override
	public String toString() {
		return Objects.toString(format) + " " + size;
	}
}
