package camera.itest.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * Bad input to every command gets one readable line on the error stream, nothing on the output, and no
 * exception out of Gogo. These checks run before any camera or library service is asked anything.
 */
@ExtendWith(ServiceExtension.class)
class ShellBadInputTest {

	@InjectService(timeout = 10_000)
	CommandProcessor processor;

	GogoShell shell;

	@BeforeEach
	void openShell() {
		shell = new GogoShell(processor);
	}

	private void assertOneLine(String commandLine, String expectedStart) {
		GogoShell.Result result = shell.run(commandLine);
		assertThat(result.failure()).as(result.toString()).isNull();
		assertThat(result.out()).as(commandLine).isEmpty();
		assertThat(result.err().lines().toList()).as(commandLine)
			.singleElement()
			.asString()
			.startsWith(expectedStart)
			.doesNotContain("Exception", "\tat ");
	}

	@Nested
	class Capture {

		@ParameterizedTest(name = "{0}")
		@CsvSource(delimiterString = " => ", quoteCharacter = '"', textBlock = """
				camera:capture -n -3 => -n: the count must be 1 to 1000, not -3
				camera:capture -n 0 => -n: the count must be 1 to 1000, not 0
				camera:capture -n many => -n: not a whole number: 'many'
				camera:capture -n 1.5 => -n: not a whole number: '1.5'
				camera:capture -s 0x480 => -s: a size needs a positive width and height
				camera:capture -s big => -s: not a size of the form WIDTHxHEIGHT
				camera:capture -m burst => -m: expected one of deferred|single|proxy, not 'burst'
				camera:capture -q ultra => -q: expected one of high|medium|low, not 'ultra'
				camera:capture -r 45 => -r: the rotation must be 0, 90, 180 or 270 degrees, not 45
				camera:capture -x => camera:capture does not take '-x'; usage: camera:capture [-c camera]
				camera:capture -n 2 extra => camera:capture does not take 'extra'; usage:
				camera:capture -n => camera:capture: the option -n needs a value; usage:
				""")
		void refusesWithOneLine(String commandLine, String expected) {
			assertOneLine(commandLine, expected);
		}
	}

	@Nested
	class Uris {

		@ParameterizedTest(name = "{0}")
		@CsvSource(delimiterString = " => ", quoteCharacter = '"', textBlock = """
				camera:request file:///etc/passwd => not an asset URI: 'file:///etc/passwd'
				camera:request -m high file://media/Photo/1/../../x.jpg => not an asset URI:
				media:info file://media/Photo/01/a.jpg => not an asset URI:
				media:info nonsense => not an asset URI: 'nonsense'
				media:trash file://media/Photo/1/a/b.jpg => not an asset URI:
				media:restore file://media/Photo/-1/a.jpg => not an asset URI:
				media:delete file://media/Photo/1/.jpg => not an asset URI:
				media:export file://media/Photo/1/noext never.jpg => not an asset URI:
				""")
		void refusesMalformedUrisWithOneLine(String commandLine, String expected) {
			assertOneLine(commandLine, expected);
		}
	}

	@Nested
	class Options {

		@ParameterizedTest(name = "{0}")
		@CsvSource(delimiterString = " => ", quoteCharacter = '"', textBlock = """
				camera:request -m slow file://media/Photo/1/a.jpg => -m: expected one of fast|high|balanced, not 'slow'
				media:list --quality medium => --quality: expected one of fast|full, not 'medium'
				deferred:drain -t 0 => -t: seconds must be 1 to 86400, not 0
				deferred:drain -t soon => -t: not a whole number: 'soon'
				deferred:drain 5 => deferred:drain does not take '5'; usage: deferred:drain [-t seconds]
				camera:request -z file://media/Photo/1/a.jpg => camera:request does not take '-z'; usage:
				camera:list --bogus => camera:list does not take '--bogus'; usage: camera:list [--no-format]
				camera:profiles --x sim-back => camera:profiles does not take '--x'; usage:
				media:list --bogus => media:list does not take '--bogus'; usage:
				media:list --quality => media:list: the option --quality needs a value; usage:
				media:info file://media/Photo/1/a.jpg extra => media:info does not take 'extra'; usage: media:info <uri>
				deferred:jobs -x => deferred:jobs does not take '-x'; usage: deferred:jobs [--no-format]
				deferred:stats now => deferred:stats does not take 'now'; usage: deferred:stats
				deferred:pause 5 => deferred:pause does not take '5'; usage: deferred:pause
				media:export file://media/Photo/1/a.jpg a.jpg b.jpg => media:export does not take 'b.jpg'; usage:
				""")
		void refusesUnknownModesAndValuesWithOneLine(String commandLine, String expected) {
			assertOneLine(commandLine, expected);
		}
	}

	@Nested
	class MissingArguments {

		@ParameterizedTest(name = "{0}")
		@CsvSource(delimiterString = " => ", quoteCharacter = '"', textBlock = """
				camera:profiles => usage: camera:profiles
				camera:request => usage: camera:request [-m fast|high|balanced] [-o file] <uri>
				camera:request -m high => usage: camera:request [-m fast|high|balanced] [-o file] <uri>
				media:info => usage: media:info <uri>
				media:trash => usage: media:trash <uri>
				media:restore => usage: media:restore <uri>
				media:delete => usage: media:delete <uri>
				media:export => usage: media:export [--raw] <uri> <file>
				media:export file://media/Photo/1/a.jpg => usage: media:export [--raw] <uri> <file>
				""")
		void printUsage(String commandLine, String expected) {
			assertOneLine(commandLine, expected);
		}
	}

	@Test
	void exportRefusesToOverwriteAFileBeforeAskingTheLibrary() throws Exception {
		Path existing = Files.createTempFile("darkroom-export", ".jpg");
		try {
			assertOneLine("media:export file://media/Photo/1/a.jpg " + existing, "not overwriting ");
			assertThat(existing).isEmptyFile();
		} finally {
			Files.delete(existing);
		}
	}

	@Test
	void everyCommandHasHelp() {
		GogoShell.Result result = shell.run("help camera:capture");
		assertThat(result.failure()).isNull();
		assertThat(result.out()).contains("-m, --mode", "the delivery flow", "-s, --size");
	}
}
