package camera.shell.internal.console;

import static camera.shell.internal.console.Printed.printed;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;

import camera.api.CameraErrorCode;
import camera.api.CameraException;
import media.library.MediaLibraryErrorCode;
import media.library.MediaLibraryException;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.Logger;

class CommandGuardTest {
	private final StringBuilder logged = new StringBuilder();
	private final Logger log = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(),
			new Class<?>[] { Logger.class }, (proxy, method, args) -> {
				logged.append(method.getName()).append(' ').append(args[0]);
				return null;
			});
	private final CommandGuard guard = new CommandGuard(log);

	@Test
	void printsTheMessageOfACommandFailureAlone() {
		assertThat(printed(err -> guard.run("x:y", err, () -> {
			throw new CommandFailure("no camera 'nope'");
		}))).isEqualTo("no camera 'nope'\n");
	}

	@Test
	void printsACameraExceptionWithItsNumericCode() {
		assertThat(printed(err -> guard.run("x:y", err, () -> {
			throw new CameraException(CameraErrorCode.CONFLICT_CAMERA, "the camera is in use");
		}))).isEqualTo("error 7400107: the camera is in use\n");
	}

	@Test
	void printsAMediaLibraryExceptionWithItsNumericCode() {
		assertThat(printed(err -> guard.run("x:y", err, () -> {
			throw new MediaLibraryException(MediaLibraryErrorCode.NOT_FOUND, "no such asset");
		}))).isEqualTo("error 23800101: no such asset\n");
	}

	@Test
	void logsAnUnexpectedExceptionAndPrintsOneLine() {
		String printed = printed(err -> guard.run("x:y", err, () -> {
			throw new IllegalStateException("broken");
		}));
		assertThat(printed).isEqualTo("x:y failed: java.lang.IllegalStateException: broken (the log has the details)\n");
		assertThat(logged).contains("error");
	}

	@Test
	void printsNothingWhenTheBodySucceeds() {
		assertThat(printed(err -> guard.run("x:y", err, () -> {
		}))).isEmpty();
	}

	@Test
	void printsEveryFailureWhenScriptsDoNotStopAtTheFirst() {
		assertThat(FailFast.isOn()).isFalse();
		assertThat(printed(err -> CommandGuard.report(err, "no command 'camera:nope'")))
			.isEqualTo("no command 'camera:nope'\n");
	}

	@Test
	void aCommandFailureReadsAsItsMessageWhereGogoPrintsIt() {
		assertThat(new CommandFailure("no camera 'nope'")).hasToString("no camera 'nope'");
	}
}
