package camera.shell.internal.help;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import camera.shell.internal.console.UsageOverload;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class HelpTextTest {
	public static final class Commands {
		@Descriptor("takes photos; prints one line per photo")
		public void capture(@Descriptor("how many") @Parameter(names = { "-n", "--count" }, absentValue = "1")
		String count) {
		}

		@UsageOverload
		@Descriptor("says what is wrong with the arguments")
		public void capture(String... arguments) {
		}

		@Descriptor("lists the cameras")
		public void list() {
		}
	}

	public static final class Other {
		@Descriptor("lists the bundles")
		public void lb() {
		}
	}

	private final CommandCatalog catalog = CommandCatalog.of(Map.of("camera:capture", new Commands(), "camera:list",
			new Commands(), "felix:lb", new Other()));

	@Nested
	class Scope {
		@Test
		void listsEachCommandWithItsDescriptionUpToTheFirstSemicolon() {
			assertThat(HelpText.scope(catalog.scope("camera"))).containsExactly(
					"camera:capture   takes photos",
					"camera:list      lists the cameras");
		}
	}

	@Nested
	class Command {
		@Test
		void leavesTheUsageOverloadsOut() {
			assertThat(String.join("\n", HelpText.command(catalog.command("capture").getFirst())))
				.contains("camera:capture - takes photos; prints one line per photo", "-n, --count   how many")
				.doesNotContain("says what is wrong");
		}

		@Test
		void findsABareNameInAnyScope() {
			assertThat(catalog.command("lb")).extracting(CommandCatalog.Command::qualifiedName)
				.containsExactly("felix:lb");
		}
	}

	@Nested
	class Overview {
		@Test
		void namesDarkroomsScopesFirstAndTheOthersAfter() {
			assertThat(HelpText.overview(catalog)).containsExactly(
					"Darkroom's commands (help <scope>: one line on each; help <command>: its options):",
					"  camera     capture, list",
					"Other scopes: felix. exit [status] stops the platform.");
		}

		@Test
		void namesTheScopesWhenTheNameIsNeither() {
			assertThat(HelpText.unknown("nope", catalog))
				.isEqualTo("help: no command or scope 'nope'; the scopes are camera, felix");
		}
	}

	@Nested
	class NoSuchCommand {
		@Test
		void pointsAtTheHelpOfTheScopeItNames() {
			assertThat(HelpText.noSuchCommand("camera:nope", catalog))
				.isEqualTo("no command 'camera:nope': 'help camera' lists the commands of camera");
		}

		@Test
		void pointsAtTheOverviewForANameOfNoScope() {
			assertThat(HelpText.noSuchCommand("nosuchcmd", catalog))
				.isEqualTo("no command 'nosuchcmd': 'help' lists the scopes and their commands");
		}
	}
}
