package media.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AssetUriTest {

	private static MediaLibraryErrorCode codeOf(Throwable thrown) {
		return ((MediaLibraryException) thrown).errorCode();
	}

	@Nested
	class DisplayNameChecks {
		@ParameterizedTest
		@ValueSource(strings = { "", "../x.jpg", "a/b.jpg", "a\\b.jpg", "x\u0001.jpg", "x\n.jpg", "x..jpg", ".hidden.jpg",
				"photo.png", "photo", " photo.jpg", "photo.jpg " })
		void namesThatCouldEscapeOrConfuseAreRefused(String name) {
			assertThatThrownBy(() -> DisplayNames.requireValid(name)).extracting(AssetUriTest::codeOf)
				.isEqualTo(MediaLibraryErrorCode.INVALID_DISPLAY_NAME);
		}

		@Test
		void aNameOfMoreThan255BytesIsRefused() {
			String name = "é".repeat(126) + ".jpg";

			assertThatThrownBy(() -> DisplayNames.requireValid(name)).extracting(AssetUriTest::codeOf)
				.isEqualTo(MediaLibraryErrorCode.INVALID_DISPLAY_NAME);
		}

		@Test
		void aNameOfExactly255BytesIsAccepted() {
			String name = "a".repeat(251) + ".jpg";

			assertThat(DisplayNames.requireValid(name)).isEqualTo(name);
		}

		@Test
		void ordinaryNamesWithSpacesAndUnicodeAreAccepted() {
			assertThat(DisplayNames.requireValid("Ferien am Meer – Tag 2.JPEG")).isNotNull();
		}
	}

	@Nested
	class Parsing {
		@Test
		void aUriOfTheSourceDocumentsFormParses() {
			AssetUri uri = AssetUri.parse("file://media/Photo/12/IMG_20261121_101500_001.jpg");

			assertThat(uri.id()).isEqualTo(12);
			assertThat(uri.displayName()).isEqualTo("IMG_20261121_101500_001.jpg");
			assertThat(uri).isEqualTo(AssetUri.of(12, "IMG_20261121_101500_001.jpg"))
				.hasToString("file://media/Photo/12/IMG_20261121_101500_001.jpg");
		}

		@ParameterizedTest
		@ValueSource(strings = { "file://media/Photo/12/../../x.jpg", "file://media/Photo/12/a/b.jpg",
				"file://media/Photo/-1/x.jpg", "file://media/Photo/012/x.jpg", "file://media/Photo/0/x.jpg",
				"file://media/Photo/x/y.jpg", "file://media/Photo//x.jpg", "file://media/Photo/12/",
				"file://media/Photo/1/..", "file://media/Photo/1/a\\b.jpg", "file://media/Photo/1/.hidden.jpg",
				"file://media/Photo/1/noextension", "file:///etc/passwd", "http://media/Photo/1/x.jpg",
				"media/Photo/1/a.jpg", "FILE://media/Photo/1/x.jpg", "file://media/Photo/1/x.jpg\u0000",
				"file://media/Photo/1/a\u0007.jpg", "file://media/Photo/1234567890123456789/a.jpg",
				"file://media/Photo/99999999999999999999/x.jpg" })
		void anythingElseIsRefusedInOnePrintableLine(String uri) {
			assertThatThrownBy(() -> AssetUri.parse(uri)).extracting(AssetUriTest::codeOf)
				.isEqualTo(MediaLibraryErrorCode.INVALID_URI);
			assertThatThrownBy(() -> AssetUri.parse(uri)).hasMessageStartingWith("not an asset URI: '")
				.hasMessageNotContaining("\u0000")
				.hasMessageNotContaining("\u0007");
		}

		@Test
		void aNameLongerThanAFileSystemAllowsIsRefused() {
			assertThatThrownBy(() -> AssetUri.parse("file://media/Photo/1/" + "a".repeat(252) + ".jpg"))
				.extracting(AssetUriTest::codeOf)
				.isEqualTo(MediaLibraryErrorCode.INVALID_URI);
		}

		@Test
		void aNullUriIsRefused() {
			assertThatThrownBy(() -> AssetUri.parse(null)).extracting(AssetUriTest::codeOf)
				.isEqualTo(MediaLibraryErrorCode.INVALID_URI);
		}
	}

	@Nested
	class Building {
		@Test
		void theUriOfAnAssetJoinsThePrefixTheIdAndTheName() {
			assertThat(AssetUri.of(7, "a.jpg")).hasToString(AssetUri.PREFIX + "7/a.jpg");
		}

		@Test
		void anIdThatIsNotPositiveIsRefused() {
			assertThatThrownBy(() -> AssetUri.of(0, "a.jpg")).extracting(AssetUriTest::codeOf)
				.isEqualTo(MediaLibraryErrorCode.INVALID_URI);
		}

		@Test
		void aNameTheLibraryRefusesIsRefused() {
			assertThatThrownBy(() -> AssetUri.of(7, "../a.jpg")).extracting(AssetUriTest::codeOf)
				.isEqualTo(MediaLibraryErrorCode.INVALID_DISPLAY_NAME);
		}
	}

	@Nested
	class IdParsing {
		@Test
		void anIdAloneParsesAsTheIdOfItsUri() {
			assertThat(AssetUri.parseId("12")).isEqualTo(AssetUri.parse("file://media/Photo/12/a.jpg").id());
			assertThat(AssetUri.parseId("123456789012345678")).isEqualTo(123456789012345678L);
		}

		@ParameterizedTest
		@ValueSource(strings = { "", "0", "012", "-1", "+1", "x", "1.5", " 1", "1 ", "1/a.jpg", "..",
				"1234567890123456789", "99999999999999999999", "1\u0000" })
		void anythingElseIsRefusedInOnePrintableLine(String text) {
			assertThatThrownBy(() -> AssetUri.parseId(text)).extracting(AssetUriTest::codeOf)
				.isEqualTo(MediaLibraryErrorCode.INVALID_URI);
			assertThatThrownBy(() -> AssetUri.parseId(text)).hasMessageContaining("is not an asset id")
				.hasMessageNotContaining("\u0000");
		}

		@Test
		void aNullIdIsRefused() {
			assertThatThrownBy(() -> AssetUri.parseId(null)).extracting(AssetUriTest::codeOf)
				.isEqualTo(MediaLibraryErrorCode.INVALID_URI);
		}
	}
}
