package camera.itest.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import camera.api.CameraDevice;
import camera.api.CameraManager;
import camera.api.Profile;
import camera.api.SceneMode;
import media.library.AssetQuery;
import media.library.AssetUri;
import media.library.MediaAssetManager;
import media.library.PhotoAccessHelper;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/** The camera scope against the whole platform: the simulated camera, the framework and the library. */
@ExtendWith({ BundleContextExtension.class, ServiceExtension.class })
class CameraShellTest {
	/** capture id, asset URI, quality, phase-1 milliseconds, shutter lag in milliseconds. */
	private static final String PHOTO_LINE = "capture \\d+  " + Pattern.quote(AssetUri.PREFIX)
			+ "[1-9][0-9]*/[^ /]+\\.jpg  %s  phase 1: \\d+ ms  shutter lag: -?\\d+ ms";

	@InjectService(timeout = 10_000)
	CommandProcessor processor;
	@InjectService(timeout = 10_000)
	CameraManager cameras;
	@InjectService(timeout = 10_000)
	PhotoAccessHelper library;
	@InjectService(timeout = 10_000)
	MediaAssetManager images;
	@InjectBundleContext
	BundleContext context;

	GogoShell shell;

	@BeforeEach
	void openShell() {
		shell = new GogoShell(processor);
	}

	private String firstCamera() {
		List<CameraDevice> devices = cameras.getSupportedCameras();
		assertThat(devices).as("cameras of the simulated HAL").isNotEmpty();
		return devices.getFirst().cameraId();
	}

	private static void assertClean(GogoShell.Result result) {
		assertThat(result.failure()).as(result.toString()).isNull();
		assertThat(result.err()).as(result.toString()).isEmpty();
	}

	@Nested
	class Listing {

		@Test
		void listShowsEachCameraUnderAHeader() {
			GogoShell.Result result = shell.run("camera:list");
			assertClean(result);
			assertThat(result.lines().getFirst()).startsWith("ID").contains("NAME", "HAL", "POSITION", "DEFERRED");
			assertThat(result.out()).contains(firstCamera());
		}

		@Test
		void listWithoutFormatPrintsTabSeparatedRows() {
			GogoShell.Result result = shell.run("camera:list --no-format");
			assertClean(result);
			assertThat(result.lines()).allSatisfy(line -> assertThat(line.split("\t")).hasSize(5));
			assertThat(result.lines().getFirst()).startsWith(firstCamera() + "\t");
		}

		@Test
		void profilesListsTheSizesOfACamera() {
			GogoShell.Result result = shell.run("camera:profiles " + firstCamera());
			assertClean(result);
			assertThat(result.lines().getFirst()).contains("FORMAT", "SIZE", "MEGAPIXELS");
			assertThat(result.lines()).anySatisfy(line -> assertThat(line).matches("JPEG .*\\d+x\\d+ .*"));
		}

		@Test
		void profilesOfAnUnknownCameraNamesTheKnownOnes() {
			GogoShell.Result result = shell.run("camera:profiles no-such-camera");
			assertThat(result.out()).isEmpty();
			assertThat(result.err()).startsWith("no camera 'no-such-camera': the cameras are ").contains(firstCamera());
		}
	}

	@Nested
	class Capturing {

		@Test
		void deferredCapturePrintsAFastAssetPerPhoto() {
			GogoShell.Result result = shell.run("camera:capture -n 2 -q medium " + smallest(cameras));
			assertClean(result);
			assertThat(result.lines()).hasSize(2).allSatisfy(line -> assertThat(line).matches(PHOTO_LINE.formatted("FAST")));
		}

		@Test
		void deferredCaptureSavesTheAssetInTheLibrary() {
			String uri = uriOf(shell.run("camera:capture " + smallest(cameras)).lines().getFirst());
			assertThat(library.getAsset(uri)).hasValueSatisfying(asset -> assertThat(asset.pending()).isFalse());
		}

		@Test
		void singleCaptureSavesAFullPhoto() {
			GogoShell.Result result = shell.run("camera:capture -m single -r 90 " + smallest(cameras));
			assertClean(result);
			assertThat(result.lines()).singleElement().asString().matches(PHOTO_LINE.formatted("FULL"));
		}

		@Test
		void proxyCaptureSavesTheProxyAsAFastAsset() {
			GogoShell.Result result = shell.run("camera:capture -m proxy -c " + firstCamera() + " " + smallest(cameras));
			assertClean(result);
			assertThat(result.lines()).singleElement().asString().matches(PHOTO_LINE.formatted("FAST"));
		}

		@Test
		void captureOfASizeTheCameraLacksNamesItsSizesAndTakesNothing() {
			int before = library.getAssets(AssetQuery.all()).size();
			GogoShell.Result result = shell.run("camera:capture -s 3x2");
			assertThat(result.out()).isEmpty();
			assertThat(result.err()).contains("cannot take 3x2 photos; its sizes are ");
			assertThat(library.getAssets(AssetQuery.all())).hasSize(before);
		}

		@Test
		void captureWithAnUnknownCameraTakesNothing() {
			GogoShell.Result result = shell.run("camera:capture -c nope");
			assertThat(result.err()).startsWith("no camera 'nope'");
		}
	}

	@Nested
	class Requesting {

		@Test
		void highQualityRequestDeliversTheFullImageAndWritesIt(@TempDir Path directory) {
			String uri = uriOf(shell.run("camera:capture " + smallest(cameras)).lines().getFirst());
			Path file = directory.resolve("full.jpg");
			GogoShell.Result result = shell.run("camera:request -m high -o " + file + " " + uri);
			assertClean(result);
			assertThat(result.lines().getFirst()).matches(Pattern.quote(uri) + "  FULL  \\d+ bytes  \\d+ ms");
			assertThat(file).isNotEmptyFile();
		}

		@Test
		void fastRequestDeliversWhatExistsOnce() {
			String uri = uriOf(shell.run("camera:capture -m single " + smallest(cameras)).lines().getFirst());
			GogoShell.Result result = shell.run("camera:request " + uri);
			assertClean(result);
			assertThat(result.lines()).singleElement().asString().startsWith(uri + "  FULL  ");
		}

		@Test
		void requestOfAnUnknownAssetSaysSo() {
			AssetUri unknown = AssetUri.of(999_999_999, "IMG_none.jpg");
			GogoShell.Result result = shell.run("camera:request " + unknown);
			assertThat(result.err()).isEqualTo("no asset " + unknown + " in the media library\n");
		}
	}

	@Nested
	class WithoutCamera {

		@Test
		void commandsSayPlainlyThatNoCameraIsAvailable() throws BundleException {
			List<Bundle> hals = Arrays.stream(context.getBundles())
				.filter(b -> b.getSymbolicName().startsWith("camera.hal."))
				.filter(b -> b.getState() == Bundle.ACTIVE)
				.toList();
			for (Bundle hal : hals) {
				hal.stop();
			}
			try {
				String expected = "no camera available: the simulated HAL is stopped and no other HAL serves a camera\n";
				assertThat(shell.run("camera:list").err()).isEqualTo(expected);
				assertThat(shell.run("camera:capture -n 2").err()).isEqualTo(expected);
				assertThat(shell.run("camera:profiles sim-back").err()).isEqualTo(expected);
			} finally {
				for (Bundle hal : hals) {
					hal.start();
				}
			}
		}
	}

	/** @return {@code -s WxH} of the camera's smallest profile, so that the tests develop small photos */
	static String smallest(CameraManager cameras) {
		CameraDevice first = cameras.getSupportedCameras().getFirst();
		List<Profile> profiles = cameras.getSupportedOutputCapability(first, SceneMode.NORMAL_PHOTO).photoProfiles();
		return "-s " + profiles.getLast().size();
	}

	static String uriOf(String photoLine) {
		assertThat(photoLine).startsWith("capture ");
		return photoLine.split("  ")[1];
	}
}
