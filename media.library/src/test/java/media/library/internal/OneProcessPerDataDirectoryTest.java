package media.library.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import media.library.DataDirectoryHolder;
import media.library.MediaLibraryErrorCode;
import media.library.MediaLibraryException;

class OneProcessPerDataDirectoryTest {
	@TempDir
	Path data;

	@Test
	void theLibraryRefusesToOpenOnADataDirectoryAnotherProcessUsesAndWritesNothing() throws Exception {
		Process other = holder();
		try {
			BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(),
					StandardCharsets.UTF_8));
			assertThat(out.readLine()).isEqualTo("held");

			assertThatThrownBy(() -> new LibraryFixture(data)).isInstanceOf(MediaLibraryException.class)
				.satisfies(e -> assertThat(((MediaLibraryException) e).errorCode())
					.isEqualTo(MediaLibraryErrorCode.BUSY));
			assertThat(data.resolve("media")).doesNotExist();
		} finally {
			other.destroyForcibly();
			other.waitFor(20, TimeUnit.SECONDS);
		}
	}

	@Test
	void aClosedLibraryLeavesItsDataDirectoryToAnotherProcess() throws Exception {
		new LibraryFixture(data).close();

		Process other = holder();
		try {
			assertThat(new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8))
				.readLine()).isEqualTo("held");
		} finally {
			other.destroyForcibly();
			other.waitFor(20, TimeUnit.SECONDS);
		}
	}

	private Process holder() throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				DataDirectoryHolder.class.getName(), data.toString()).redirectErrorStream(true).start();
	}
}
