package camera.itest.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import camera.api.CameraDevice;
import camera.api.CameraManager;
import media.library.AssetQuery;
import media.library.PhotoAccessHelper;
import media.library.PhotoAsset;

import org.apache.felix.gogo.jline.Shell;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Parameter;
import org.jline.reader.Candidate;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser.ParseContext;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * Tab completion through Gogo JLine's own machinery: an interactive {@code gosh} session on a terminal of pipes,
 * with the stock profile, whose line reader's completer is asked for candidates as the Tab key would.
 */
@ExtendWith({ BundleContextExtension.class, ServiceExtension.class })
class ShellCompletionTest {
	/** Generous bounds for the shell to come up and for a restarted HAL to publish its camera again. */
	private static final long WAIT_SECONDS = 30;
	private static final List<String> SCOPES = List.of("camera", "media", "deferred");

	@InjectService(timeout = 10_000)
	CommandProcessor processor;
	@InjectService(timeout = 10_000)
	CameraManager cameras;
	@InjectService(timeout = 10_000)
	PhotoAccessHelper library;
	@InjectBundleContext
	BundleContext context;

	private PipedOutputStream keyboard;
	private ByteArrayOutputStream screen;
	private Terminal terminal;
	private CommandSession session;
	private Thread shell;

	@BeforeEach
	void startAnInteractiveShell() throws Exception {
		PipedInputStream keys = new PipedInputStream();
		keyboard = new PipedOutputStream(keys);
		screen = new ByteArrayOutputStream();
		terminal = new DumbTerminal("completion-test", "dumb", keys, screen, StandardCharsets.UTF_8);
		session = processor.createSession(terminal.input(), terminal.output(), terminal.output());
		session.put(".terminal", terminal);
		// as Gogo JLine starts its console: gosh called directly, not as a job of the session
		Shell gosh = context.getService(context.getServiceReference(Shell.class));
		shell = Thread.ofPlatform().name("completion-test-gosh").start(() -> {
			try {
				gosh.gosh(session, new String[] { "--login", "--noshutdown", "--nohistory" });
			} catch (Exception e) {
				throw new IllegalStateException("gosh failed", e);
			}
		});
		awaitThat(() -> screen.toString(StandardCharsets.UTF_8).contains("g! "), "the shell's first prompt");
	}

	@AfterEach
	void endTheShell() throws IOException, InterruptedException {
		keyboard.close(); // end of input: gosh leaves its read loop
		shell.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
		session.close();
		terminal.close();
	}

	/** @return the values the Tab key offers at the end of {@code typed} */
	private List<String> tab(String typed) {
		LineReaderImpl reader = (LineReaderImpl) session.get(".reader");
		ParsedLine line = reader.getParser().parse(typed, typed.length(), ParseContext.COMPLETE);
		List<Candidate> candidates = new ArrayList<>();
		reader.getCompleter().complete(reader, line, candidates);
		return candidates.stream().map(Candidate::value).toList();
	}

	private List<String> cameraIds() {
		return cameras.getSupportedCameras().stream().map(CameraDevice::cameraId).toList();
	}

	private static void awaitThat(BooleanSupplier condition, String what) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("waited in vain for " + what);
			}
			Thread.sleep(20);
		}
	}

	@Nested
	class Options {

		@Test
		void aDashAfterCaptureOffersEveryOptionInBothSpellings() {
			assertThat(tab("camera:capture -")).contains("-c", "--camera", "-n", "--count", "-m", "--mode", "-q",
					"--quality", "-s", "--size", "-r", "--rotation");
		}

		@Test
		void everyOptionOfEveryRunningCommandIsOffered() throws Exception {
			for (String scope : SCOPES) {
				for (ServiceReference<?> command : context
					.getServiceReferences((String) null, "(osgi.command.scope=" + scope + ")")) {
					Object service = context.getService(command);
					try {
						for (String function : functions(command)) {
							List<String> options = optionsOf(service.getClass(), function);
							assertThat(tab(scope + ":" + function + " -")).as(scope + ":" + function)
								.containsAll(options);
						}
					} finally {
						context.ungetService(command);
					}
				}
			}
		}

		private static List<String> functions(ServiceReference<?> command) {
			Object functions = command.getProperty("osgi.command.function");
			return functions instanceof String[] names ? List.of(names) : List.of(String.valueOf(functions));
		}

		private static List<String> optionsOf(Class<?> commands, String function) {
			List<String> options = new ArrayList<>();
			for (Method method : commands.getMethods()) {
				if (method.getName().equals(function)) {
					for (java.lang.reflect.Parameter parameter : method.getParameters()) {
						Parameter option = parameter.getAnnotation(Parameter.class);
						if (option != null) {
							options.addAll(Arrays.asList(option.names()));
						}
					}
				}
			}
			return options;
		}
	}

	@Nested
	class OptionValues {

		@Test
		void captureModesFollowTheModeOption() {
			assertThat(tab("camera:capture -m ")).containsExactlyInAnyOrder("deferred", "single", "proxy");
		}

		@Test
		void qualitiesFollowTheQualityOption() {
			assertThat(tab("camera:capture -n 2 --quality ")).containsExactlyInAnyOrder("high", "medium", "low");
		}

		@Test
		void requestModesFollowTheRequestModeOption() {
			assertThat(tab("camera:request -m ")).containsExactlyInAnyOrder("fast", "high", "balanced");
		}

		@Test
		void aFreeTextOptionGetsNoValues() {
			assertThat(tab("camera:capture -n ")).isEmpty();
		}
	}

	@Nested
	class CameraIds {

		@Test
		void theCameraOptionOffersTheCamerasAvailableNow() {
			assertThat(cameraIds()).contains("sim-back");
			assertThat(tab("camera:capture -c ")).containsExactlyInAnyOrderElementsOf(cameraIds());
		}

		@Test
		void theSimulatedCamerasLeaveAndComeBackWithTheirHal() throws Exception {
			Bundle hal = Arrays.stream(context.getBundles())
				.filter(b -> "camera.hal.sim".equals(b.getSymbolicName()))
				.findFirst()
				.orElseThrow();
			hal.stop();
			try {
				assertThat(tab("camera:profiles ")).doesNotContain("sim-back");
			} finally {
				hal.start();
			}
			awaitThat(() -> cameraIds().contains("sim-back"), "the simulated camera after its HAL restarted");
			assertThat(tab("camera:profiles ")).contains("sim-back");
		}
	}

	@Nested
	class AssetUris {

		@Test
		void mediaInfoOffersTheAssetsOfTheLibrary() {
			List<PhotoAsset> assets = library.getAssets(AssetQuery.all().page(0, 1));
			if (assets.isEmpty()) {
				assertThat(new GogoShell(processor).run("camera:capture -m single " + CameraShellTest.smallest(cameras))
					.failure()).isNull();
				assets = library.getAssets(AssetQuery.all().page(0, 1));
			}
			assertThat(tab("media:info ")).contains(assets.getFirst().uri());
		}
	}
}
