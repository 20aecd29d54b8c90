package media.library.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import media.library.MediaQuality;
import media.library.PhotoAsset;

/**
 * Kills a process that replaces assets in a loop ({@code kill -9}) at varied points, several times over the same
 * library, then checks that every asset is wholly FAST or wholly FULL: its file decodes and its content matches
 * the quality the database records.
 */
class CrashConsistencyTest {
	private static final int KILLS = 5;

	@TempDir
	Path data;

	@Test
	void afterKillsWhileReplacingEveryAssetIsWhollyFastOrWhollyFull() throws Exception {
		Random random = new Random(20261121);
		List<String> uris = new ArrayList<>();
		for (int kill = 0; kill < KILLS; kill++) {
			runAndKill("crash" + kill, 1 + random.nextInt(4), random.nextInt(15), uris);
		}

		try (LibraryFixture fixture = new LibraryFixture(data)) {
			int full = 0;
			for (String uri : uris) {
				Optional<PhotoAsset> asset = fixture.library.getAsset(uri);
				if (asset.isEmpty() || asset.get().size() == 0) {
					continue; // killed before the image was recorded: the asset never had an image
				}
				byte[] file = fixture.fileOf(asset.get());
				boolean matches = asset.get().quality() == MediaQuality.FULL ? TestImages.isFull(file)
						: TestImages.isFast(file);
				assertThat(matches).as("%s is %s and its file matches", uri, asset.get().quality()).isTrue();
				full += asset.get().quality() == MediaQuality.FULL ? 1 : 0;
			}
			assertThat(full).as("replacements that completed before the kills").isPositive();
		}
	}

	/** Starts the loop, waits for some replacements, lets it run a few milliseconds more and kills it. */
	private void runAndKill(String prefix, int replacements, int extraMillis, List<String> uris) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
				System.getProperty("java.class.path"), ReplaceLoop.class.getName(), data.toString(), prefix)
			.redirectErrorStream(true)
			.start();
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
			int replaced = 0;
			for (String line; replaced < replacements && (line = out.readLine()) != null;) {
				if (line.startsWith("created ")) {
					uris.add(line.substring("created ".length()));
				} else if (line.startsWith("replaced ")) {
					replaced++;
				}
			}
			Thread.sleep(extraMillis);
			// SIGKILL through the handle: Process.destroyForcibly would also close the pipe still to be read.
			child.toHandle().destroyForcibly();
			assertThat(child.waitFor(20, TimeUnit.SECONDS)).as("the child process ended").isTrue();
			for (String line; (line = out.readLine()) != null;) {
				if (line.startsWith("created ")) {
					uris.add(line.substring("created ".length()));
				}
			}
		} finally {
			child.destroyForcibly();
		}
	}
}
