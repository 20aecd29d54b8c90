package media.library.internal.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import media.library.MediaLibraryErrorCode;
import media.library.MediaLibraryException;

class FileNamingTest {

	private static MediaLibraryErrorCode codeOf(Throwable thrown) {
		return ((MediaLibraryException) thrown).errorCode();
	}

	@Nested
	class DisplayNameChecks {
		@ParameterizedTest
		@ValueSource(strings = { "", "../x.jpg", "a/b.jpg", "a\\b.jpg", "x\u0001.jpg", "x\n.jpg", "x..jpg", ".hidden.jpg",
				"photo.png", "photo", " photo.jpg", "photo.jpg " })
		void namesThatCouldEscapeOrConfuseAreRefused(String name) {
			assertThatThrownBy(() -> DisplayNames.requireValid(name)).extracting(FileNamingTest::codeOf)
				.isEqualTo(MediaLibraryErrorCode.INVALID_DISPLAY_NAME);
		}

		@Test
		void aNameOfMoreThan255BytesIsRefused() {
			String name = "é".repeat(126) + ".jpg";

			assertThatThrownBy(() -> DisplayNames.requireValid(name)).extracting(FileNamingTest::codeOf)
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
	class UriParsing {
		@Test
		void aUriOfTheSourceDocumentsFormParses() {
			assertThat(AssetUri.parse("file://media/Photo/12/IMG_1.jpg")).isEqualTo(new AssetUri(12, "IMG_1.jpg"));
		}

		@ParameterizedTest
		@ValueSource(strings = { "file://media/Photo/12/../../x.jpg", "file://media/Photo/12/a/b.jpg",
				"file://media/Photo/-1/x.jpg", "file://media/Photo/012/x.jpg", "file://media/Photo/x/y.jpg",
				"file://media/Photo//x.jpg", "file://media/Photo/12/", "file:///etc/passwd", "http://media/Photo/1/x.jpg",
				"FILE://media/Photo/1/x.jpg", "file://media/Photo/1/x.jpg\u0000", "file://media/Photo/99999999999999999999/x.jpg" })
		void anythingElseIsRefused(String uri) {
			assertThatThrownBy(() -> AssetUri.parse(uri)).extracting(FileNamingTest::codeOf)
				.isEqualTo(MediaLibraryErrorCode.INVALID_URI);
		}

		@Test
		void aNullUriIsRefused() {
			assertThatThrownBy(() -> AssetUri.parse(null)).extracting(FileNamingTest::codeOf)
				.isEqualTo(MediaLibraryErrorCode.INVALID_URI);
		}
	}

	@Nested
	class LibraryFolder {
		final LibraryPaths paths = new LibraryPaths(Path.of("data"));

		@Test
		void anImageFileLivesInTheFolderOfItsAsset() {
			assertThat(paths.imageFile(7, "a.jpg")).isEqualTo(paths.photos().resolve("7").resolve("a.jpg"));
		}

		@Test
		void aRecordedStagingNameCannotLeaveTheAssetFolder() {
			Path target = paths.imageFile(7, "a.jpg");

			assertThatThrownBy(() -> paths.stagingFileNamed(target, "../../../evil.part"))
				.extracting(FileNamingTest::codeOf)
				.isEqualTo(MediaLibraryErrorCode.INVALID_URI);
		}
	}

	@Nested
	class StorageFailureCodes {
		@Test
		void aFullDiskIsReportedAsStorageFull() {
			MediaLibraryException failure = StorageFailures.of("writing", new IOException("No space left on device"));

			assertThat(failure.errorCode()).isEqualTo(MediaLibraryErrorCode.STORAGE_FULL);
		}

		@Test
		void anotherFailureIsReportedAsIoError() {
			MediaLibraryException failure = StorageFailures.of("writing", new IOException("Input/output error"));

			assertThat(failure.errorCode()).isEqualTo(MediaLibraryErrorCode.IO_ERROR);
		}
	}
}
