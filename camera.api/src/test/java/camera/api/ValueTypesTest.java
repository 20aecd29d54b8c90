package camera.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import media.library.MediaQuality;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueTypesTest {

	@Nested
	class Sizes {
		@Test
		void parseReadsWidthAndHeight() {
			assertThat(Size.parse("4000x3000")).isEqualTo(new Size(4000, 3000));
			assertThat(Size.parse(" 640X480 ")).isEqualTo(new Size(640, 480));
		}

		@ParameterizedTest
		@ValueSource(strings = { "", "4000", "x3000", "4000x", "-1x5", "0x480", "12x34x56", "axb", "999999x1" })
		void parseRefusesAnythingElseWithInvalidArgument(String text) {
			assertThatThrownBy(() -> Size.parse(text)).isInstanceOfSatisfying(CameraException.class,
					e -> assertThat(e.errorCode()).isEqualTo(CameraErrorCode.INVALID_ARGUMENT));
		}

		@Test
		void parseRefusesNull() {
			assertThatThrownBy(() -> Size.parse(null)).isInstanceOf(CameraException.class);
		}

		@Test
		void pixelsDoNotOverflow() {
			assertThat(new Size(99999, 99999).pixels()).isEqualTo(9_999_800_001L);
		}

		@Test
		void printsAsWidthByHeight() {
			assertThat(new Size(1920, 1080)).hasToString("1920x1080");
		}
	}

	@Nested
	class ErrorCodes {
		@Test
		void carryTheDocumentedNumbers() {
			assertThat(CameraErrorCode.INVALID_ARGUMENT.code()).isEqualTo(7400101);
			assertThat(CameraErrorCode.OPERATION_NOT_ALLOWED.code()).isEqualTo(7400102);
			assertThat(CameraErrorCode.SESSION_NOT_CONFIG.code()).isEqualTo(7400103);
			assertThat(CameraErrorCode.SESSION_NOT_RUNNING.code()).isEqualTo(7400104);
			assertThat(CameraErrorCode.SESSION_CONFIG_LOCKED.code()).isEqualTo(7400105);
			assertThat(CameraErrorCode.DEVICE_SETTING_LOCKED.code()).isEqualTo(7400106);
			assertThat(CameraErrorCode.CONFLICT_CAMERA.code()).isEqualTo(7400107);
			assertThat(CameraErrorCode.DEVICE_DISABLED.code()).isEqualTo(7400108);
			assertThat(CameraErrorCode.DEVICE_PREEMPTED.code()).isEqualTo(7400109);
			assertThat(CameraErrorCode.SERVICE_FATAL_ERROR.code()).isEqualTo(7400201);
		}

		@Test
		void areFoundByNumber() {
			assertThat(CameraErrorCode.of(7400107)).contains(CameraErrorCode.CONFLICT_CAMERA);
			assertThat(CameraErrorCode.of(42)).isEmpty();
		}

		@Test
		void exceptionKeepsCodeAndMessage() {
			CameraException e = new CameraException(CameraErrorCode.SESSION_NOT_RUNNING, "start the session first");
			assertThat(e.errorCode()).isEqualTo(CameraErrorCode.SESSION_NOT_RUNNING);
			assertThat(e).hasMessage("start the session first");
		}
	}

	@Nested
	class CaptureSettings {
		@Test
		void rotationAcceptsOnlyQuarterTurns() {
			assertThat(ImageRotation.ofDegrees(270)).isEqualTo(ImageRotation.ROTATION_270);
			assertThatThrownBy(() -> ImageRotation.ofDegrees(45)).isInstanceOf(CameraException.class)
				.hasMessageContaining("45");
		}

		@Test
		void locationMustBeOnEarth() {
			assertThat(new Location(48.85, 2.35, 35).latitude()).isEqualTo(48.85);
			assertThatThrownBy(() -> new Location(91, 0, 0)).isInstanceOf(CameraException.class);
			assertThatThrownBy(() -> new Location(0, -181, 0)).isInstanceOf(CameraException.class);
			assertThatThrownBy(() -> new Location(Double.NaN, 0, 0)).isInstanceOf(CameraException.class);
		}

		@Test
		void aSettingWithoutQualityOrRotationIsAnInvalidArgument() {
			assertThatThrownBy(() -> new PhotoCaptureSetting(null, ImageRotation.ROTATION_0, false, null))
				.isInstanceOfSatisfying(CameraException.class,
						e -> assertThat(e.errorCode()).isEqualTo(CameraErrorCode.INVALID_ARGUMENT));
			assertThatThrownBy(() -> new PhotoCaptureSetting(QualityLevel.HIGH, null, false, null))
				.isInstanceOfSatisfying(CameraException.class,
						e -> assertThat(e.errorCode()).isEqualTo(CameraErrorCode.INVALID_ARGUMENT));
		}

		@Test
		void defaultsAreHighQualityUnrotated() {
			PhotoCaptureSetting setting = PhotoCaptureSetting.defaults();
			assertThat(setting.quality()).isEqualTo(QualityLevel.HIGH);
			assertThat(setting.rotation()).isEqualTo(ImageRotation.ROTATION_0);
			assertThat(setting.mirror()).isFalse();
			assertThat(setting.location()).isNull();
		}

		@Test
		void profileNeedsFormatAndSize() {
			assertThatThrownBy(() -> new Profile(null, new Size(1, 1))).isInstanceOf(CameraException.class);
			assertThatThrownBy(() -> new Profile(CameraFormat.JPEG, null)).isInstanceOf(CameraException.class);
		}
	}

	@Nested
	class Values {
		@Test
		void photoIsReadOnlyAndCopiesItsBytes() {
			Photo photo = new Photo(1, ByteBuffer.wrap(new byte[] { 1, 2, 3 }), new Size(1, 1), MediaQuality.FULL,
					Instant.EPOCH);
			assertThat(photo.main().isReadOnly()).isTrue();
			byte[] copy = photo.jpeg();
			copy[0] = 9;
			assertThat(photo.jpeg()).containsExactly(1, 2, 3);
		}

		@Test
		void capabilityListsCannotBeChangedAfterwards() {
			List<Profile> profiles = new ArrayList<>(List.of(new Profile(CameraFormat.JPEG, new Size(2, 2))));
			CameraOutputCapability capability = new CameraOutputCapability(profiles);
			profiles.clear();
			assertThat(capability.photoProfiles()).hasSize(1);
		}
	}
}
