package camera.shell.internal.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import camera.shell.internal.console.CommandFailure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {
	@TempDir
	Path directory;

	@Test
	void resolvesARelativeNameAgainstTheShellsDirectory() {
		assertThat(ImageFiles.target(directory, "out/../photo.jpg")).isEqualTo(directory.resolve("photo.jpg"));
	}

	@Test
	void refusesToOverwriteAFile() throws IOException {
		Files.writeString(directory.resolve("taken.jpg"), "mine");
		assertThatThrownBy(() -> ImageFiles.target(directory, "taken.jpg")).isInstanceOf(CommandFailure.class)
			.hasMessageContaining("exists");
		assertThat(Files.readString(directory.resolve("taken.jpg"))).isEqualTo("mine");
	}

	@Test
	void refusesADirectoryThatDoesNotExist() {
		assertThatThrownBy(() -> ImageFiles.target(directory, "missing/photo.jpg")).isInstanceOf(CommandFailure.class)
			.hasMessageContaining("no directory");
	}

	@Test
	void writesTheWholeImageAndLeavesNoPartialFile() throws IOException {
		Path target = ImageFiles.target(directory, "photo.jpg");
		ImageFiles.write(target, new byte[] { 1, 2, 3 });
		assertThat(target).hasBinaryContent(new byte[] { 1, 2, 3 });
		try (var files = Files.list(directory)) {
			assertThat(files).containsExactly(target);
		}
	}
}
