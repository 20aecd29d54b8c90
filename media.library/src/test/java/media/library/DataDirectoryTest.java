package media.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DataDirectoryTest {

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "  " })
	void withoutThePropertyTheDataDirectoryIsDataInTheWorkingDirectory(String configured) {
		assertThat(DataDirectory.resolve(configured)).isEqualTo(Path.of("data").toAbsolutePath());
	}

	@Test
	void theConfiguredDirectoryIsMadeAbsoluteAndNormalised() {
		assertThat(DataDirectory.resolve("some/../photos")).isAbsolute().isEqualTo(Path.of("photos").toAbsolutePath());
	}
}
