package camera.shell.internal.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class UsageTest {
	private final Usage request = new Usage("camera:request", "camera:request [-m mode] [-o file] <uri>",
			Set.of("-m", "-o"), Set.of("--verbose"), 1);

	@Test
	void namesOnlyTheArgumentsTheCommandDoesNotTake() {
		assertThat(request.explain("-m", "high", "-x", "uri", "extra"))
			.isEqualTo("camera:request does not take '-x extra'; usage: camera:request [-m mode] [-o file] <uri>");
	}

	@Test
	void namesTheOptionLeftWithoutItsValue() {
		assertThat(request.explain("uri", "-o")).startsWith("camera:request: the option -o needs a value; usage: ");
	}

	@Test
	void showsTheUsageWhenAnArgumentIsMissing() {
		assertThat(request.explain("-m", "high")).isEqualTo("usage: camera:request [-m mode] [-o file] <uri>");
	}

	@Test
	void takesHelpAsTheOneOptionEveryCommandHas() {
		assertThat(Usage.asksForHelp("--help")).isTrue();
		assertThat(Usage.asksForHelp("file://media/Photo/1/IMG_1.jpg")).isFalse();
	}
}
