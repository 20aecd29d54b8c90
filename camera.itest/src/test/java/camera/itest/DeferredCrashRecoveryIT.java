package camera.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import media.library.AssetUri;
import media.library.DataDirectory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.junit5.context.BundleContextExtension;

/**
 * Runs the distribution ({@code camera.app}'s executable jar) in a child JVM, takes deferred photos through the
 * shell and kills the process ({@code kill -9}) at varied points: during a capture, phase 1, the spool write,
 * phase 2 and the replacement. After a last restart every photo whose FAST asset was delivered must be FULL at
 * its original URI, listed once, with the raw image (DNG) its capture asked for beside it. With the default
 * durability ({@code process}) the frames are not synced before a photo is delivered, and the kills fall inside
 * 12-shot bursts; with {@code power} single shots are killed as before.
 */
@ExtendWith(BundleContextExtension.class)
class DeferredCrashRecoveryIT {
	private static final int KILLS = 5;
	private static final int CAPTURES_PER_RUN = 3;
	private static final int BURST = 12;
	private static final long SEED = 20261121L;
	private static final long RUN_LIMIT_SECONDS = 300;
	private static final Pattern DELIVERED = Pattern
		.compile("^capture \\d+\\s+(" + Pattern.quote(AssetUri.PREFIX) + "\\S+)\\s+FAST\\b");

	@InjectBundleContext
	BundleContext context;

	@Test
	void withProcessDurabilityEveryPhotoDeliveredReachesFullAfterKillsDuringTwelveShotBursts() throws Exception {
		Path home = home("crash-recovery-process");
		Random random = new Random(SEED);
		Set<String> delivered = new LinkedHashSet<>();
		int attempted = 0;
		for (int kill = 0; kill < KILLS; kill++) {
			List<String> commands = List.of("camera:capture -n " + BURST + " -m deferred -s 640x480 --raw",
					"deferred:drain -t 60", "exit 0");
			attempted += BURST;
			// Kill after 1..12 delivered photos (then the next shot is in flight) or during the drain.
			int linesBeforeKill = 1 + random.nextInt(BURST);
			long extraMillis = random.nextInt(linesBeforeKill == BURST ? 1500 : 100);
			runAndKill(jar(), home, commands, linesBeforeKill, extraMillis, delivered);
		}
		assertEveryDeliveredPhotoIsFullOnce(home, delivered, attempted);
	}

	@Test
	void withPowerDurabilityEveryPhotoDeliveredReachesFullAfterKillsAtVariedPoints() throws Exception {
		Path home = home("crash-recovery-power");
		Files.writeString(home.resolve("conf").resolve("camera.deferred.engine.config"), "durability=\"power\"\n");
		Random random = new Random(SEED);
		Set<String> delivered = new LinkedHashSet<>();
		int attempted = 0;
		for (int kill = 0; kill < KILLS; kill++) {
			List<String> commands = new ArrayList<>();
			for (int i = 0; i < CAPTURES_PER_RUN; i++) {
				commands.add("camera:capture -n 1 -m deferred -s 640x480 --raw");
			}
			commands.add("deferred:drain -t 60");
			commands.add("exit 0");
			attempted += CAPTURES_PER_RUN;
			// Kill after 1..3 delivered photos (then the next capture is in flight) or during the drain.
			int linesBeforeKill = 1 + random.nextInt(CAPTURES_PER_RUN);
			long extraMillis = random.nextInt(linesBeforeKill == CAPTURES_PER_RUN ? 1500 : 400);
			runAndKill(jar(), home, commands, linesBeforeKill, extraMillis, delivered);
		}
		assertEveryDeliveredPhotoIsFullOnce(home, delivered, attempted);
	}

	private Path jar() {
		Path jar = DataDirectory.of(context).getParent().getParent().getParent()
			.resolve("camera.app/target/darkroom.jar");
		assertThat(jar).as("the distribution jar (package camera.app first)").isRegularFile();
		return jar;
	}

	private Path home(String name) throws IOException {
		Path home = DataDirectory.of(context).resolve(name);
		deleteTree(home);
		Files.createDirectories(home.resolve("conf"));
		Files.createDirectories(home.resolve("tmp"));
		return home;
	}

	private void assertEveryDeliveredPhotoIsFullOnce(Path home, Set<String> delivered, int attempted)
			throws Exception {
		Path jar = jar();
		assertThat(delivered).as("photos delivered before the kills").isNotEmpty();

		List<String> output = runToEnd(jar, home,
				List.of("deferred:drain -t 240", "media:list --no-format", "deferred:jobs --no-format", "exit 0"));

		Map<String, List<String>> listed = output.stream()
			.filter(line -> line.startsWith(AssetUri.PREFIX) || line.startsWith("g! " + AssetUri.PREFIX))
			.map(line -> line.replaceFirst("^g! ", "").split("\t"))
			.collect(Collectors.groupingBy(columns -> columns[0],
					Collectors.mapping(columns -> columns[1], Collectors.toList())));
		String finalRun = String.join("\n", output);
		for (String uri : delivered) {
			assertThat(listed.get(uri)).as("%s is listed once, as FULL, after:%n%s", uri, finalRun)
				.containsExactly("FULL");
			byte[] jpeg = Files.readAllBytes(home.resolve("data").resolve("media").resolve("Photo")
				.resolve(uri.substring(AssetUri.PREFIX.length())));
			assertThat(jpeg).as("%s is a whole JPEG", uri).startsWith(0xFF, 0xD8).endsWith(0xFF, 0xD9);
		}
		assertThat(listed.values()).as("no asset is listed twice").allSatisfy(rows -> assertThat(rows).hasSize(1));
		assertThat(listed).as("no more assets than captures").hasSizeLessThanOrEqualTo(attempted);
		for (String uri : delivered) {
			// The raw file is written from the spooled frame, so the kills cost no photo its DNG either.
			String inLibrary = uri.substring(AssetUri.PREFIX.length()).replaceFirst("\\.jpg$", ".dng");
			assertThat(home.resolve("data/media/Photo").resolve(inLibrary)).as("the raw image of %s", uri)
				.isRegularFile();
		}
	}

	private static Process start(Path jar, Path home, List<String> commands) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-Xmx1g", "-Djava.io.tmpdir=" + home.resolve("tmp"),
				"-D" + DataDirectory.PROPERTY + "=" + home.resolve("data"), "-jar", jar.toString())
			.directory(home.toFile())
			.redirectErrorStream(true)
			.start();
		// A hung platform must not hang the build: every run is bounded.
		CompletableFuture.delayedExecutor(RUN_LIMIT_SECONDS, TimeUnit.SECONDS).execute(process::destroyForcibly);
		process.getOutputStream().write((String.join("\n", commands) + "\n").getBytes(StandardCharsets.UTF_8));
		process.getOutputStream().flush();
		return process;
	}

	/** Reads until {@code linesBeforeKill} photos were delivered (or the drain started), waits a little and kills. */
	private static void runAndKill(Path jar, Path home, List<String> commands, int linesBeforeKill, long extraMillis,
			Set<String> delivered) throws Exception {
		Process process = start(jar, home, commands);
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			int seen = 0;
			for (String line; seen < linesBeforeKill && (line = out.readLine()) != null;) {
				if (collect(line, delivered)) {
					seen++;
				}
			}
			Thread.sleep(extraMillis);
			// SIGKILL through the handle: Process.destroyForcibly would also close the pipe still to be read.
			process.toHandle().destroyForcibly();
			assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the killed platform ended").isTrue();
			for (String line; (line = out.readLine()) != null;) {
				collect(line, delivered);
			}
		} finally {
			process.destroyForcibly();
		}
	}

	private static List<String> runToEnd(Path jar, Path home, List<String> commands) throws Exception {
		Process process = start(jar, home, commands);
		List<String> lines = new ArrayList<>();
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line; (line = out.readLine()) != null;) {
				lines.add(line);
			}
			assertThat(process.waitFor(RUN_LIMIT_SECONDS, TimeUnit.SECONDS)).as("the platform ended").isTrue();
			assertThat(process.exitValue()).as("the platform exited normally").isZero();
		} finally {
			process.destroyForcibly();
		}
		return lines;
	}

	/** @return whether the line reports a delivered photo (its URI is then added) */
	private static boolean collect(String line, Set<String> delivered) {
		Matcher matcher = DELIVERED.matcher(line.replaceFirst("^(g! )+", ""));
		if (matcher.find()) {
			delivered.add(matcher.group(1));
			return true;
		}
		return false;
	}

	private static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> files = Files.walk(dir)) {
			files.sorted(Comparator.reverseOrder()).forEach(file -> {
				try {
					Files.delete(file);
				} catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}
	}
}
