package media.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {
	@TempDir
	Path data;

	private Process other;

	@AfterEach
	void endTheOtherProcess() throws InterruptedException {
		if (other != null) {
			other.destroyForcibly();
			other.waitFor(20, TimeUnit.SECONDS);
		}
	}

	/** Starts a second process that holds the data directory, and waits until it does. */
	private Process anotherProcessHolding(Path directory) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				DataDirectoryHolder.class.getName(), directory.toString()).redirectErrorStream(true).start();
		BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		assertThat(out.readLine()).isEqualTo("held");
		return process;
	}

	@Nested
	class OneProcessPerDirectory {
		@Test
		void aDirectoryAnotherProcessHoldsIsRefusedWithBusyNamingThatProcess() throws Exception {
			other = anotherProcessHolding(data);

			assertThatThrownBy(() -> DataDirectory.hold(data)).isInstanceOf(MediaLibraryException.class)
				.satisfies(e -> assertThat(((MediaLibraryException) e).errorCode()).isEqualTo(MediaLibraryErrorCode.BUSY))
				.hasMessageContaining("in use by another process (pid " + other.pid() + ")");
		}

		@Test
		void aDirectoryIsFreeAgainOnceTheOtherProcessIsKilled() throws Exception {
			other = anotherProcessHolding(data);
			other.destroyForcibly();
			assertThat(other.waitFor(20, TimeUnit.SECONDS)).isTrue();

			try (DataDirectory.Hold hold = DataDirectory.hold(data)) {
				assertThat(data.resolve(DataDirectory.LOCK_FILE)).hasContent(Long.toString(ProcessHandle.current().pid()));
			}
		}

		@Test
		void holdsInOneProcessShareTheDirectoryUntilTheLastIsClosed() throws Exception {
			DataDirectory.Hold library = DataDirectory.hold(data);
			DataDirectory.Hold engine = DataDirectory.hold(data);
			library.close();

			assertThatThrownBy(() -> anotherProcessHolding(data).waitFor(1, TimeUnit.SECONDS))
				.isInstanceOf(AssertionError.class);
			engine.close();

			other = anotherProcessHolding(data);
		}
	}
}
