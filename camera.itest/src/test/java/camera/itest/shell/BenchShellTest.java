package camera.itest.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.osgi.util.tracker.ServiceTracker;

import camera.api.CameraManager;
import camera.api.Profile;
import camera.api.SceneMode;
import camera.api.Size;
import camera.api.hal.HalCamera;
import camera.api.hal.HalCameraProperties;
import camera.api.hal.SimulatedScene;

/**
 * camera.bench against the whole platform: the simulated camera offers its scene beside itself, camera:reference
 * writes the scene's noise-free reference as a JPEG, camera:bench prints every key scripts read and, asked to,
 * writes every measured latency to a file, and without the simulated HAL both commands say so in one line.
 */
@ExtendWith({ BundleContextExtension.class, ServiceExtension.class })
class BenchShellTest {
	private static final String CAMERA = "sim-back";
	private static final String HAL_BUNDLE = "camera.hal.sim";
	private static final long WAIT_SECONDS = 60;
	/** What {@code camera:bench --no-format} prints, one {@code key=value} line each; benchmarks.sh reads them. */
	private static final Set<String> BENCH_KEYS = Set.of("bench.phase1.p50_ms", "bench.phase1.p99_ms",
			"bench.single.p50_ms", "bench.single.p99_ms", "bench.ratio_p50", "bench.phase1.cpu_ms_per_capture",
			"bench.single.cpu_ms_per_capture", "bench.burst.rss_peak_mb", "bench.phase2.ms_per_photo",
			"bench.phase2.mp_per_s", "bench.jpeg.turbo_mp_per_s", "bench.jpeg.imageio_mp_per_s",
			"bench.copy.ms_per_frame", "bench.burst.shot_to_shot_p50_ms", "bench.burst.heap_peak_mb",
			"bench.psnr.phase1_db", "bench.psnr.phase2_db", "bench.psnr.dcraw_q3_db", "bench.psnr.dcraw_q0_db",
			"bench.ssim.phase1", "bench.ssim.phase2", "bench.ssim.dcraw_q3", "bench.ssim.dcraw_q0",
			"bench.phase1.shutter_lag_p50_ms", "bench.single.shutter_lag_p50_ms",
			"bench.phase1.stage.wait_for_frame_p50_ms", "bench.phase1.stage.develop_p50_ms",
			"bench.phase1.stage.encode_p50_ms", "bench.phase1.stage.spool_write_p50_ms",
			"bench.phase1.stage.asset_write_p50_ms", "bench.burst.live_heap_peak_mb");

	@InjectService(timeout = 10_000)
	CommandProcessor processor;
	@InjectService(timeout = 10_000)
	CameraManager cameras;
	@InjectService(timeout = 20_000)
	ServiceAware<SimulatedScene> scene;
	@InjectBundleContext
	BundleContext context;

	GogoShell shell;

	@BeforeEach
	void openShell() {
		shell = new GogoShell(processor);
	}

	private static void assertClean(GogoShell.Result result) {
		assertThat(result.failure()).as(result.toString()).isNull();
		assertThat(result.err()).as(result.toString()).isEmpty();
	}

	@Nested
	class WithTheSimulatedCamera {

		@Test
		void theSimulatedCameraOffersItsSceneUnderItsCameraId() {
			assertThat(scene.getService().camera().id()).isEqualTo(CAMERA);
			assertThat(scene.getServiceReference().getProperty(HalCameraProperties.CAMERA_ID)).isEqualTo(CAMERA);
			assertThat(halCameras("(camera.id=" + CAMERA + ")")).hasSize(1);
		}

		@Test
		void referenceWritesADecodableJpegOfTheRequestedSize(@TempDir Path directory) throws Exception {
			Size size = smallestSize();
			Path file = directory.resolve("reference.jpg");

			GogoShell.Result result = shell.run("camera:reference -s " + size + " " + file);

			assertClean(result);
			assertThat(result.lines()).containsExactly("wrote the reference of " + CAMERA + " at " + size + " to " + file);
			BufferedImage image = ImageIO.read(file.toFile());
			assertThat(image).as("a JPEG ImageIO decodes").isNotNull();
			assertThat(new Size(image.getWidth(), image.getHeight())).isEqualTo(size);
		}

		@Test
		void referenceOfASizeTheCameraLacksNamesItsSizesAndWritesNothing(@TempDir Path directory) {
			Path file = directory.resolve("reference.jpg");

			GogoShell.Result result = shell.run("camera:reference -s 320x200 " + file);

			assertThat(result.failure()).as(result.toString()).isNull();
			assertThat(result.err()).startsWith("error ").contains("offers no profile 320x200; its sizes are ")
				.containsOnlyOnce("\n");
			assertThat(file).doesNotExist();
		}

		@Test
		void benchPrintsEveryKeyForScripts() {
			GogoShell.Result result = shell.run("camera:bench -s " + smallestSize() + " -n 1 --no-format");

			assertClean(result);
			assertThat(result.lines()).allSatisfy(line -> assertThat(line).matches("bench\\.[a-z0-9_.]+=(n/a|-?[0-9.]+)"));
			assertThat(result.lines().stream().map(line -> line.substring(0, line.indexOf('=')))
				.collect(Collectors.toSet())).isEqualTo(BENCH_KEYS);
		}

		@Test
		void benchWithSamplesWritesOneLinePerMeasuredCaptureOfEachMode(@TempDir Path directory) throws Exception {
			Path file = directory.resolve("samples.tsv");

			GogoShell.Result result = shell.run("camera:bench -s " + smallestSize() + " -n 2 --no-format --samples "
					+ file);

			assertClean(result);
			List<String> lines = Files.readAllLines(file);
			assertThat(lines).hasSize(4)
				.allSatisfy(line -> assertThat(line).matches("(phase1|single)\\t[0-9]+\\.[0-9]{3}"));
			assertThat(lines.stream().filter(line -> line.startsWith("phase1\t"))).hasSize(2);
		}
	}

	@Nested
	class WithoutTheSimulatedHal {

		@Test
		void stoppingTheSimulatedHalRemovesTheSceneAndTheCommandsSaySoInOneLine(@TempDir Path directory)
				throws Exception {
			Size size = smallestSize();
			Bundle hal = bundle(HAL_BUNDLE);
			hal.stop();
			try {
				assertThat(context.getServiceReferences(SimulatedScene.class, null)).isEmpty();
				Path file = directory.resolve("reference.jpg");

				GogoShell.Result reference = shell.run("camera:reference -s " + size + " " + file);
				GogoShell.Result bench = shell.run("camera:bench -s " + size + " -n 1");

				assertThat(reference.failure()).as(reference.toString()).isNull();
				assertThat(reference.out()).isEmpty();
				assertThat(reference.err()).isEqualTo("camera:reference: no simulated camera is running: only a "
						+ "simulated camera has a noise-free reference\n");
				assertThat(file).doesNotExist();
				assertThat(bench.failure()).as(bench.toString()).isNull();
				assertThat(bench.out()).isEmpty();
				assertThat(bench.err()).startsWith("camera:bench: ").containsOnlyOnce("\n");
			} finally {
				hal.start();
				awaitScene();
			}
		}
	}

	/** @return the smallest size of the simulated camera, so that the commands develop small images */
	private Size smallestSize() {
		List<Profile> profiles = cameras.getSupportedCameras().stream()
			.filter(camera -> camera.cameraId().equals(CAMERA))
			.findFirst()
			.map(camera -> cameras.getSupportedOutputCapability(camera, SceneMode.NORMAL_PHOTO).photoProfiles())
			.orElseThrow(() -> new AssertionError("no camera " + CAMERA));
		return profiles.getLast().size();
	}

	private Collection<ServiceReference<HalCamera>> halCameras(String filter) {
		try {
			return context.getServiceReferences(HalCamera.class, filter);
		} catch (InvalidSyntaxException e) {
			throw new AssertionError(e);
		}
	}

	private Bundle bundle(String symbolicName) {
		return Arrays.stream(context.getBundles())
			.filter(bundle -> symbolicName.equals(bundle.getSymbolicName()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no bundle " + symbolicName));
	}

	/** Waits until the restarted HAL offers its camera and its scene again, so later tests find both. */
	private void awaitScene() throws InterruptedException {
		ServiceTracker<SimulatedScene, SimulatedScene> tracker = new ServiceTracker<>(context, SimulatedScene.class,
				null);
		tracker.open();
		try {
			assertThat(tracker.waitForService(TimeUnit.SECONDS.toMillis(WAIT_SECONDS))).as("the scene came back")
				.isNotNull();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
			while (cameras.getSupportedCameras().stream().noneMatch(camera -> camera.cameraId().equals(CAMERA))) {
				assertThat(System.nanoTime()).as("camera " + CAMERA + " came back").isLessThan(deadline);
				Thread.sleep(20);
			}
		} finally {
			tracker.close();
		}
	}
}
