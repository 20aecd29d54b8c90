package camera.shell.internal.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import camera.api.ImageRotation;
import camera.api.QualityLevel;
import camera.api.Size;
import camera.shell.internal.console.CommandFailure;
import media.library.AssetUri;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArgumentsTest {

	@Nested
	class Counts {

		@Test
		void acceptsAPositiveWholeNumber() {
			assertThat(Arguments.count("-n", "12")).isEqualTo(12);
		}

		@ParameterizedTest
		@ValueSource(strings = { "0", "-3", "1001", "many", "1.5", "", "99999999999999" })
		void refusesAnythingOutsideOneToTheMaximum(String text) {
			assertThatThrownBy(() -> Arguments.count("-n", text)).isInstanceOf(CommandFailure.class)
				.hasMessageStartingWith("-n: ");
		}
	}

	@Nested
	class Sizes {

		@Test
		void parsesWidthByHeight() {
			assertThat(Arguments.size("-s", "640x480")).isEqualTo(new Size(640, 480));
		}

		@ParameterizedTest
		@ValueSource(strings = { "0x480", "640x0", "640", "640x480x2", "-640x480", "x", "huge", "123456x1" })
		void refusesImpossibleSizesWithOneLine(String text) {
			assertThatThrownBy(() -> Arguments.size("-s", text)).isInstanceOf(CommandFailure.class)
				.hasMessageStartingWith("-s: ");
		}
	}

	@Test
	void acceptsTheFourRightAngles() {
		assertThat(Arguments.rotation("-r", "270")).isEqualTo(ImageRotation.ROTATION_270);
		assertThatThrownBy(() -> Arguments.rotation("-r", "45")).isInstanceOf(CommandFailure.class)
			.hasMessageContaining("0, 90, 180 or 270");
	}

	@Test
	void readsChoicesWhateverTheirCase() {
		assertThat(Arguments.quality("-q", "Medium")).isEqualTo(QualityLevel.MEDIUM);
		assertThat(Arguments.choice("-m", "proxy", CaptureMode.class)).isEqualTo(CaptureMode.PROXY);
	}

	@Test
	void namesTheChoicesWhenTheModeIsUnknown() {
		assertThatThrownBy(() -> Arguments.choice("-m", "burst", CaptureMode.class))
			.isInstanceOf(CommandFailure.class)
			.hasMessage("-m: expected one of deferred|single|proxy, not 'burst'");
	}

	@Test
	void readsSecondsAsADuration() {
		assertThat(Arguments.seconds("-t", "90")).isEqualTo(Duration.ofSeconds(90));
		assertThatThrownBy(() -> Arguments.seconds("-t", "0")).isInstanceOf(CommandFailure.class);
	}

	@Nested
	class AssetUris {
		@Test
		void acceptsTheUriOfAnAsset() {
			assertThat(Arguments.assetUri("file://media/Photo/12/IMG_1.jpg")).isEqualTo(AssetUri.of(12, "IMG_1.jpg"));
		}

		@ParameterizedTest
		@ValueSource(strings = { "file://media/Photo/1/../../etc/passwd", "file:///etc/passwd", "nonsense",
				"file://media/Photo/1/a\u0007.jpg" })
		void refusesWhatTheLibraryDoesNotCallAnAssetUriWithOneLine(String text) {
			assertThatThrownBy(() -> Arguments.assetUri(text)).isInstanceOf(CommandFailure.class)
				.hasMessageStartingWith("not an asset URI: '")
				.hasMessageNotContaining("\u0007")
				.hasMessageNotContaining("\n");
		}

		@Test
		void saysWhatIsMissingForAnEmptyUri() {
			assertThatThrownBy(() -> Arguments.assetUri(" ")).isInstanceOf(CommandFailure.class)
				.hasMessageStartingWith("missing asset URI");
		}
	}
}
