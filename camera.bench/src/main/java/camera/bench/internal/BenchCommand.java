package camera.bench.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

import camera.api.CameraDevice;
import camera.api.CameraManager;
import camera.api.DeferredProcessing;
import camera.api.Profile;
import camera.api.SceneMode;
import camera.api.Size;
import camera.api.hal.SimulatedScene;
import camera.develop.DngCodec;
import camera.develop.JpegCodec;
import camera.develop.PhotoDeveloper;
import media.library.MediaAssetChangeRequest;
import media.library.PhotoAccessHelper;
import media.library.PhotoAsset;

/**
 * {@code camera:bench}: measures, in one run and through the real services, phase 1 against single-phase
 * delivery, phase 2, the JPEG encoders, a frame copy, a burst, and the image quality (PSNR and SSIM) of both
 * phases and, where dcraw is installed, of dcraw developing the DNG of the same frame. Background
 * phase 2 is paused while it measures, so it does not compete with what is timed. Captures go through the
 * {@link CameraManager} as an app's do; development is timed and graded on bursts of the camera's
 * {@link SimulatedScene}, so the camera measured is a simulated one.
 */
@Component(service = BenchCommand.class, immediate = true,
		property = {"osgi.command.scope=camera", "osgi.command.function=bench"})
public final class BenchCommand {
	private static final String USAGE = "usage: camera:bench [-s WIDTHxHEIGHT] [-n count] [--samples FILE] [--no-format]";
	private static final int BURST_SHOTS = 30;
	private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(120);

	/** How long the timing events of the last captures may take to arrive after their photos. */
	private static final long STAGE_WAIT_MILLIS = 5_000;

	private final BundleContext context;
	private final PhotoDeveloper developer;
	private final JpegCodec codec;
	private final JpegCodec imageIo;
	private final ScheduledExecutorService sampler;
	private final List<SimulatedScene> scenes = new CopyOnWriteArrayList<>();

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
			policyOption = ReferencePolicyOption.GREEDY)
	private volatile CameraManager cameraManager;

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
			policyOption = ReferencePolicyOption.GREEDY)
	private volatile DeferredProcessing deferredProcessing;

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
			policyOption = ReferencePolicyOption.GREEDY)
	private volatile PhotoAccessHelper photoAccessHelper;

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
			policyOption = ReferencePolicyOption.GREEDY)
	private volatile DngCodec dngCodec;

	@Reference(service = LoggerFactory.class)
	private Logger log;

	@Activate
	public BenchCommand(BundleContext context, @Reference PhotoDeveloper developer, @Reference JpegCodec codec,
			@Reference(target = "(" + JpegCodec.ENCODER + "=" + JpegCodec.IMAGEIO + ")") JpegCodec imageIo) {
		this.context = context;
		this.developer = developer;
		this.codec = codec;
		this.imageIo = imageIo;
		this.sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "darkroom-bench");
			thread.setDaemon(true);
			return thread;
		});
	}

	@Deactivate
	void deactivate() {
		sampler.shutdownNow();
	}

	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
			policyOption = ReferencePolicyOption.GREEDY)
	void addScene(SimulatedScene scene) {
		scenes.add(scene);
	}

	void removeScene(SimulatedScene scene) {
		scenes.remove(scene);
	}

	@Descriptor("measures phase 1 against single-phase delivery, phase 2, JPEG encoding, a burst and image quality "
			+ "on the first simulated camera that offers the size; pauses background processing while it runs")
	public void bench(
			@Descriptor("frame size WIDTHxHEIGHT")
			@Parameter(names = "-s", absentValue = "4000x3000") String size,
			@Descriptor("measured captures per delivery mode, 1 to 1000")
			@Parameter(names = "-n", absentValue = "20") String count,
			@Descriptor("also write every measured latency to this file, one line each: mode (phase1 or single), "
					+ "tab, milliseconds")
			@Parameter(names = "--samples", absentValue = "") String samples,
			@Descriptor("print key=value lines, for scripts")
			@Parameter(names = "--no-format", presentValue = "true", absentValue = "false") boolean noFormat) {
		BenchReport report;
		try {
			report = run(BenchArguments.parse(size, count, samples));
		} catch (RuntimeException e) {
			log.warn("camera:bench failed", e);
			System.err.println("camera:bench: " + e.getMessage());
			return;
		}
		if (noFormat) {
			report.printKeyValues(System.out);
		} else {
			report.printTable(System.out);
		}
	}

	private BenchReport run(BenchArguments arguments) {
		CameraManager cameras = cameraManager;
		PhotoAccessHelper library = photoAccessHelper;
		DeferredProcessing processing = deferredProcessing;
		if (cameras == null || library == null || processing == null) {
			throw new IllegalStateException("the camera service, the media library or deferred processing is not "
					+ "running");
		}
		Size size = arguments.size();
		CameraDevice camera = simulatedCameraOffering(cameras, size);
		Profile profile = profileOf(cameras, camera, size);
		boolean wasPaused = processing.stats().paused();
		processing.pause();
		try {
			CaptureBench.Latencies latencies;
			CaptureBench.Burst burst;
			PhaseOneStages stages;
			try (StageTimings timings = new StageTimings(context);
					CaptureBench capture = new CaptureBench(cameras, camera, profile, EVENT_TIMEOUT,
							asset -> discard(library, asset))) {
				latencies = capture.interleaved(arguments.count());
				stages = new PhaseOneStages(timings, CaptureBench.WARM_UP + 1, arguments.count(), STAGE_WAIT_MILLIS);
				burst = capture.burst(BURST_SHOTS, sampler);
			}
			if (arguments.samplesFile().isPresent()) {
				writeSamples(arguments.samplesFile().get(), latencies);
			}
			int rounds = Math.clamp(arguments.count() / 4, 3, 10);
			SimulatedScene scene = sceneOf(camera.cameraId()).orElseThrow(
					() -> new IllegalStateException("the simulated scene of camera " + camera.cameraId() + " went away"));
			DevelopmentBench.Results development = new DevelopmentBench(developer, codec, imageIo, rounds, dngCodec,
					DcrawDevelopment.find()).run(scene, size);
			return report(camera, size, latencies, stages, burst, development);
		} finally {
			if (!wasPaused) {
				processing.resume();
			}
		}
	}

	private static void writeSamples(Path file, CaptureBench.Latencies latencies) {
		try {
			SampleFile.write(file, latencies.deferred(), latencies.singlePhase());
		} catch (IOException e) {
			throw new UncheckedIOException("cannot write the samples to " + file + ": " + e.getMessage(), e);
		}
	}

	private static BenchReport report(CameraDevice camera, Size size, CaptureBench.Latencies latencies,
			PhaseOneStages stages, CaptureBench.Burst burst, DevelopmentBench.Results development) {
		Samples deferred = Samples.ofNanos(latencies.deferred());
		Samples single = Samples.ofNanos(latencies.singlePhase());
		double megapixels = size.pixels() / 1e6;
		String heading = String.format("camera:bench on %s, %s (%.1f MP), %d captures per mode, burst of %d frames "
				+ "at ISO %d, %d cores", camera.cameraId(), size, megapixels, latencies.deferred().size(),
				development.frames(), development.iso(), Runtime.getRuntime().availableProcessors());
		return new BenchReport(heading)
				.add("bench.phase1.p50_ms", "capture -> photoAssetAvailable p50 (deferred)", deferred.median(), "ms")
				.add("bench.phase1.p99_ms", "capture -> photoAssetAvailable p99 (deferred)", deferred.percentile(99),
						"ms")
				.add("bench.single.p50_ms", "capture -> photoAvailable p50 (single-phase)", single.median(), "ms")
				.add("bench.single.p99_ms", "capture -> photoAvailable p99 (single-phase)", single.percentile(99), "ms")
				.add("bench.ratio_p50", "ratio of the p50s, deferred / single-phase",
						deferred.median() / single.median(), "")
				.add("bench.phase1.shutter_lag_p50_ms", "shutter lag p50, press to first frame (deferred; < 0: before)",
						stages.deferred(StageTimings.Stage.SHUTTER_LAG).median(), "ms")
				.add("bench.single.shutter_lag_p50_ms", "shutter lag p50, press to first frame (single-phase)",
						stages.single(StageTimings.Stage.SHUTTER_LAG).median(), "ms")
				.add("bench.phase1.stage.wait_for_frame_p50_ms", "phase 1 stage p50: press to first frame in hand",
						stages.deferred(StageTimings.Stage.WAIT_FOR_FRAME).median(), "ms")
				.add("bench.phase1.stage.develop_p50_ms", "phase 1 stage p50: develop the FAST image",
						stages.deferred(StageTimings.Stage.DEVELOP).median(), "ms")
				.add("bench.phase1.stage.encode_p50_ms", "phase 1 stage p50: encode it as JPEG",
						stages.deferred(StageTimings.Stage.ENCODE).median(), "ms")
				.add("bench.phase1.stage.spool_write_p50_ms", "phase 1 stage p50: first frame to burst spooled (parallel)",
						stages.deferred(StageTimings.Stage.SPOOL_WRITE).median(), "ms")
				.add("bench.phase1.stage.asset_write_p50_ms", "phase 1 stage p50: write the FAST asset (file + row)",
						stages.deferred(StageTimings.Stage.ASSET_WRITE).median(), "ms")
				.add("bench.phase1.cpu_ms_per_capture", "process CPU per deferred capture",
						latencies.deferredCpuNanos() / latencies.deferred().size() / 1e6, "ms")
				.add("bench.single.cpu_ms_per_capture", "process CPU per single-phase capture",
						latencies.singlePhaseCpuNanos() / latencies.singlePhase().size() / 1e6, "ms")
				.add("bench.phase2.ms_per_photo", "phase 2 per photo (develop + JPEG q" + DevelopmentBench.FULL_QUALITY
						+ ")", development.phase2Millis(), "ms")
				.add("bench.phase2.mp_per_s", "phase 2 throughput", megapixels / (development.phase2Millis() / 1000),
						"MP/s")
				.add("bench.jpeg.turbo_mp_per_s", "JPEG encode, libjpeg-turbo",
						megapixels / (development.turboMillis() / 1000), "MP/s")
				.add("bench.jpeg.imageio_mp_per_s", "JPEG encode, ImageIO",
						megapixels / (development.imageIoMillis() / 1000), "MP/s")
				.add("bench.copy.ms_per_frame", "copy of one raw frame in memory", development.copyMillis(), "ms")
				.add("bench.burst.shot_to_shot_p50_ms", "burst of " + BURST_SHOTS + ": shot-to-shot p50",
						Samples.ofNanos(burst.shotToShotNanos()).median(), "ms")
				.add("bench.burst.heap_peak_mb", "burst of " + BURST_SHOTS + ": peak heap",
						burst.peakHeapBytes() / (1024.0 * 1024.0), "MB")
				.add("bench.burst.rss_peak_mb", "burst of " + BURST_SHOTS + ": peak resident set",
						burst.peakResidentBytes() / (1024.0 * 1024.0), "MB")
				.add("bench.burst.live_heap_peak_mb", "burst of " + BURST_SHOTS + ": peak heap left after a collection",
						burst.peakLiveHeapBytes() / (1024.0 * 1024.0), "MB")
				.add("bench.psnr.phase1_db", "PSNR of phase 1 (half size, upscaled)", development.phase1().psnr(), "dB")
				.add("bench.psnr.phase2_db", "PSNR of phase 2", development.phase2().psnr(), "dB")
				.add("bench.psnr.dcraw_q3_db", "PSNR of dcraw -q 3 on the DNG of frame 1", development.dcrawQ3().psnr(),
						"dB")
				.add("bench.psnr.dcraw_q0_db", "PSNR of dcraw -q 0 on the DNG of frame 1", development.dcrawQ0().psnr(),
						"dB")
				.add("bench.ssim.phase1", "SSIM of phase 1 (half size, upscaled)", development.phase1().ssim(), "")
				.add("bench.ssim.phase2", "SSIM of phase 2", development.phase2().ssim(), "")
				.add("bench.ssim.dcraw_q3", "SSIM of dcraw -q 3 on the DNG of frame 1", development.dcrawQ3().ssim(), "")
				.add("bench.ssim.dcraw_q0", "SSIM of dcraw -q 0 on the DNG of frame 1", development.dcrawQ0().ssim(), "");
	}

	/** @throws RuntimeException with one readable line when no camera, or no simulated one, offers the size */
	private CameraDevice simulatedCameraOffering(CameraManager cameras, Size size) {
		List<CameraDevice> offering = cameras.getSupportedCameras().stream()
			.filter(camera -> findProfile(cameras, camera, size).isPresent())
			.toList();
		if (offering.isEmpty()) {
			throw new IllegalArgumentException("no camera offers " + size);
		}
		return offering.stream()
			.filter(camera -> sceneOf(camera.cameraId()).isPresent())
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no simulated camera offers " + size + ", only "
					+ String.join(", ", offering.stream().map(CameraDevice::cameraId).toList())
					+ ": phase 2 and PSNR are measured on a simulated camera's scene against its noise-free reference"));
	}

	private static Profile profileOf(CameraManager cameras, CameraDevice camera, Size size) {
		return findProfile(cameras, camera, size).orElseThrow(
				() -> new IllegalArgumentException("camera " + camera.cameraId() + " no longer offers " + size));
	}

	private static Optional<Profile> findProfile(CameraManager cameras, CameraDevice camera, Size size) {
		return cameras.getSupportedOutputCapability(camera, SceneMode.NORMAL_PHOTO).photoProfiles().stream()
				.filter(profile -> profile.size().equals(size)).findFirst();
	}

	private Optional<SimulatedScene> sceneOf(String cameraId) {
		return scenes.stream().filter(scene -> scene.camera().id().equals(cameraId)).findFirst();
	}

	private static void discard(PhotoAccessHelper library, PhotoAsset asset) {
		library.applyChanges(new MediaAssetChangeRequest(asset).discardCameraPhoto());
	}

	@Descriptor("shows how to call camera:bench, or says which of the arguments it does not take")
	public void bench(@Descriptor("arguments camera:bench cannot take") String... arguments) {
		// Gogo calls this when the arguments fit no parameter of the command above
		List<String> given = List.of(arguments);
		if (given.contains("--help")) {
			System.out.println(USAGE);
		} else {
			System.err.println("camera:bench does not take '" + String.join(" ", given) + "'; " + USAGE);
		}
	}
}
