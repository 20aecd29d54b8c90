package camera.deferred.internal.framework;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import camera.api.CameraErrorCode;
import camera.api.CameraException;

/** Asserts that a call fails with a camera error code. */
final class CameraErrors {

	private CameraErrors() {
	}

	static void assertFailsWith(CameraErrorCode code, ThrowingCallable call) {
		assertThatThrownBy(call).isInstanceOfSatisfying(CameraException.class,
				e -> org.assertj.core.api.Assertions.assertThat(e.errorCode()).as(e.getMessage()).isEqualTo(code));
	}
}
