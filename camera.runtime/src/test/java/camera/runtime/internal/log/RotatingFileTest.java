package camera.runtime.internal.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotatingFileTest {
	@TempDir
	Path directory;

	@Test
	void createsItsDirectoryAndAppendsToAnExistingFile() throws Exception {
		Path file = directory.resolve("log/darkroom.log");
		try (RotatingFile log = new RotatingFile(file, 1024, 2)) {
			log.append("first\n");
		}
		try (RotatingFile log = new RotatingFile(file, 1024, 2)) {
			log.append("second\n");
		}
		assertThat(Files.readString(file)).isEqualTo("first\nsecond\n");
	}

	@Test
	void movesTheFileAsideWhenTheNextTextWouldTakeItPastItsSize() throws Exception {
		Path file = directory.resolve("darkroom.log");
		try (RotatingFile log = new RotatingFile(file, 10, 2)) {
			log.append("12345678\n");
			log.append("abc\n");
		}
		assertThat(Files.readString(file)).isEqualTo("abc\n");
		assertThat(Files.readString(directory.resolve("darkroom.log.1"))).isEqualTo("12345678\n");
	}

	@Test
	void keepsOnlyTheNewestEarlierFiles() throws Exception {
		Path file = directory.resolve("darkroom.log");
		try (RotatingFile log = new RotatingFile(file, 4, 2)) {
			for (String line : new String[] { "one\n", "two\n", "six\n", "ten\n" }) {
				log.append(line);
			}
		}
		assertThat(Files.readString(file)).isEqualTo("ten\n");
		assertThat(Files.readString(directory.resolve("darkroom.log.1"))).isEqualTo("six\n");
		assertThat(Files.readString(directory.resolve("darkroom.log.2"))).isEqualTo("two\n");
		assertThat(directory.resolve("darkroom.log.3")).doesNotExist();
	}
}
