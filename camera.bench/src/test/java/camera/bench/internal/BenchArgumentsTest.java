package camera.bench.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import camera.api.Size;

class BenchArgumentsTest {

	@Nested
	class Accepted {
		@Test
		void aSizeAndACountAreParsed() {
			BenchArguments arguments = BenchArguments.parse("4000x3000", "20", "");

			assertThat(arguments.size()).isEqualTo(new Size(4000, 3000));
			assertThat(arguments.count()).isEqualTo(20);
		}

		@Test
		void withoutSamplesNoFileIsWritten() {
			assertThat(BenchArguments.parse("640x480", "4", "").samplesFile()).isEmpty();
		}

		@Test
		void aSamplesFileInAnExistingFolderIsTakenAsAnAbsolutePath(@TempDir Path folder) {
			Path file = folder.resolve("samples.tsv");

			BenchArguments arguments = BenchArguments.parse("640x480", "4", file.toString());

			assertThat(arguments.samplesFile()).contains(file.toAbsolutePath());
		}
	}

	@Nested
	class Refused {
		@Test
		void aSizeWithoutAnXIsRefusedNamingTheFlag() {
			assertThatThrownBy(() -> BenchArguments.parse("4000", "20", "")).isInstanceOf(IllegalArgumentException.class)
					.hasMessageStartingWith("-s ");
		}

		@Test
		void aTinySizeIsRefused() {
			assertThatThrownBy(() -> BenchArguments.parse("8x8", "20", "")).isInstanceOf(IllegalArgumentException.class)
					.hasMessage("-s must be at least 16x16, not 8x8");
		}

		@Test
		void aCountThatIsNotANumberIsRefused() {
			assertThatThrownBy(() -> BenchArguments.parse("640x480", "many", ""))
					.isInstanceOf(IllegalArgumentException.class)
					.hasMessage("-n must be a whole number from 1 to 1000, not 'many'");
		}

		@Test
		void aCountOfZeroIsRefused() {
			assertThatThrownBy(() -> BenchArguments.parse("640x480", "0", "")).isInstanceOf(IllegalArgumentException.class)
					.hasMessageStartingWith("-n must be a whole number");
		}

		@Test
		void aSamplesFileInAMissingFolderIsRefusedBeforeTheRun(@TempDir Path folder) {
			Path file = folder.resolve("missing").resolve("samples.tsv");

			assertThatThrownBy(() -> BenchArguments.parse("640x480", "4", file.toString()))
					.isInstanceOf(IllegalArgumentException.class)
					.hasMessage("--samples: the folder " + file.getParent() + " does not exist");
		}

		@Test
		void aSamplesFileThatIsAFolderIsRefused(@TempDir Path folder) {
			assertThatThrownBy(() -> BenchArguments.parse("640x480", "4", folder.toString()))
					.isInstanceOf(IllegalArgumentException.class)
					.hasMessageStartingWith("--samples names a folder");
		}
	}
}
