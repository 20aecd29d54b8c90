package media.library.internal.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import media.library.MediaLibraryErrorCode;
import media.library.MediaLibraryException;

class FileNamingTest {

	private static MediaLibraryErrorCode codeOf(Throwable thrown) {
		return ((MediaLibraryException) thrown).errorCode();
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
