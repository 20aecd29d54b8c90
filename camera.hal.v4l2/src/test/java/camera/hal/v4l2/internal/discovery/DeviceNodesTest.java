package camera.hal.v4l2.internal.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceNodesTest {
	@TempDir
	Path dev;

	@Nested
	class Glob {
		@Test
		void listsTheNodesWhoseNameMatches() throws IOException {
			Files.createFile(dev.resolve("video0"));
			Files.createFile(dev.resolve("video1"));
			Files.createFile(dev.resolve("media0"));

			assertThat(new DeviceNodes(dev.resolve("video*").toString()).get())
					.containsExactly(dev.resolve("video0").toString(), dev.resolve("video1").toString());
		}

		@Test
		void findsNothingInADirectoryThatDoesNotExist() {
			assertThat(new DeviceNodes(dev.resolve("missing/video*").toString()).get()).isEmpty();
		}

		@Test
		void refusesAGlobWithoutADirectory() {
			assertThatThrownBy(() -> new DeviceNodes("video*")).isInstanceOf(IllegalArgumentException.class)
					.hasMessageContaining("video*");
		}
	}
}
