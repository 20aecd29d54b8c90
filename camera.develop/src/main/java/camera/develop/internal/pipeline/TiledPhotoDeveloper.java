package camera.develop.internal.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import camera.api.hal.FrameRows;
import camera.api.hal.PixelFormat;
import camera.api.hal.RawFrame;
import camera.develop.PhotoDeveloper;
import camera.develop.RgbImage;

/**
 * The development pipeline, parallel over strips of rows on a pool of one thread per core that this component
 * owns.
 *
 * <p>Scale conventions: {@code RAW_BAYER16} and {@code RGB48_LINEAR} samples are both normalised as
 * {@code (sample - blackLevel) / (whiteLevel - blackLevel)} using the frame's own {@link
 * camera.api.hal.FrameMetadata}, then multiplied by the white balance gains, then sent through one tone curve
 * (sRGB with a highlight shoulder above 80 %). So a simulator's reference matches its raw frames when it uses
 * the raw frames' black and white level and adds the black level to its values, or equally when it stores
 * black-subtracted values with black 0 and white {@code whiteLevel - blackLevel}. For a shifted burst the first
 * frame is the reference geometry: the merged image shows what frame 0 shows.
 *
 * <p>{@code YUYV}, {@code RGB888} and {@code MJPEG} frames are already developed by the device: both develop
 * methods convert the first frame as it is (MJPEG decoded by ImageIO).
 */
@Component(service = PhotoDeveloper.class, immediate = true, configurationPid = TiledPhotoDeveloper.PID)
@Designate(ocd = TiledPhotoDeveloper.Configuration.class)
public final class TiledPhotoDeveloper implements PhotoDeveloper {
	static final String PID = "camera.develop.developer";
	/** Rows per parallel band of the single-frame paths. */
	private static final int BAND_ROWS = 64;

	@ObjectClassDefinition(name = "Darkroom photo development",
			description = "How raw frames become pictures: white balance, noise reduction, sharpening, parallelism.")
	public @interface Configuration {
		@AttributeDefinition(description = "Gain on the red channel before the tone curve.")
		double whiteBalanceRed() default 1.0;

		@AttributeDefinition(description = "Gain on the green channel before the tone curve.")
		double whiteBalanceGreen() default 1.0;

		@AttributeDefinition(description = "Gain on the blue channel before the tone curve.")
		double whiteBalanceBlue() default 1.0;

		@AttributeDefinition(description = "Full development: weight of the Laplacian correction of the "
				+ "edge-directed demosaic's green, from 0 (plain averages along the edge) to 1 (Hamilton-Adams).")
		double demosaicCorrection() default 1.0;

		@AttributeDefinition(description = "Full development: how many times the expected noise the denoiser "
				+ "smooths away (0 turns it off). Against the simulator's noise-free reference PSNR still rises a "
				+ "little up to 3; 2 keeps more fine texture.")
		double denoiseStrength() default 2.0;

		@AttributeDefinition(description = "Full development: unsharp mask amount on luma (0 turns it off). Every "
				+ "amount costs a little fidelity to the scene (0.1 about 0.15 dB PSNR) for a crisper look.")
		double sharpenAmount() default 0.1;

		@AttributeDefinition(description = "Rows per strip; a strip is the unit of parallel work and of "
				+ "cancellation.")
		int stripRows() default 128;

		@AttributeDefinition(description = "Development threads; 0 means one per core. Applies on restart.")
		int threads() default 0;
	}

	private final ExecutorService pool;
	private final int threads;
	private volatile DevelopmentSettings settings;
	/** The tables of the last fast development; frames of one camera share them. */
	private volatile BinningTables binningTables;

	@Activate
	public TiledPhotoDeveloper(Configuration configuration) {
		settings = settingsOf(configuration);
		threads = configuration.threads() > 0 ? configuration.threads() : Runtime.getRuntime().availableProcessors();
		pool = Executors.newFixedThreadPool(threads, developmentThreads());
	}

	@Modified
	void modified(Configuration configuration) {
		settings = settingsOf(configuration);
	}

	@Deactivate
	public void deactivate() {
		pool.shutdownNow();
	}

	@Override
	public RgbImage developFast(RawFrame frame) {
		if (FrameConversion.isDeveloped(frame.format())) {
			return FrameConversion.convert(frame);
		}
		if (frame.format() == PixelFormat.RGB48_LINEAR) {
			return renderReference(frame);
		}
		BayerMosaic mosaic = BayerMosaic.of(frame);
		BinnedDevelopment binned = new BinnedDevelopment(mosaic, tablesFor(mosaic, settings.whiteBalance()));
		byte[] rgb = new byte[Math.multiplyExact(binned.width * binned.height, 3)];
		inBands(binned.height, band -> binned.developRows(band, Math.min(binned.height, band + BAND_ROWS), rgb));
		return new RgbImage(binned.width, binned.height, rgb);
	}

	private BinningTables tablesFor(BayerMosaic mosaic, WhiteBalance whiteBalance) {
		BinningTables tables = binningTables;
		if (tables == null || !tables.fits(mosaic.blackLevel, mosaic.whiteLevel, whiteBalance)) {
			tables = BinningTables.of(mosaic.blackLevel, mosaic.whiteLevel, whiteBalance);
			binningTables = tables;
		}
		return tables;
	}

	@Override
	public RgbImage developFull(List<RawFrame> burst) {
		Thread caller = Thread.currentThread();
		return developFull(burst, caller::isInterrupted);
	}

	/** As {@link #developFull(List)}, stopping between strips when {@code cancelled} says so. */
	RgbImage developFull(List<RawFrame> burst, BooleanSupplier cancelled) {
		if (burst.isEmpty()) {
			throw new IllegalArgumentException("an empty burst has nothing to develop");
		}
		RawFrame first = burst.get(0);
		if (first.format() != PixelFormat.RAW_BAYER16) {
			return developFast(first);
		}
		DevelopmentSettings current = settings;
		List<BayerMosaic> frames = new ArrayList<>(burst.size());
		for (RawFrame frame : burst) {
			frames.add(BayerMosaic.of(frame));
		}
		List<FrameShift> shifts = align(frames);
		throwIfCancelled(cancelled);
		FullDevelopment development = new FullDevelopment(frames, shifts, NoiseModel.measure(frames.get(0)), current);
		runStrips(development, cancelled);
		return new RgbImage(first.width(), first.height(), development.rgb);
	}

	@Override
	public RgbImage renderReference(RawFrame linearReference) {
		if (linearReference.format() != PixelFormat.RGB48_LINEAR) {
			throw new IllegalArgumentException("a reference must be RGB48_LINEAR, not " + linearReference.format());
		}
		FrameRows.require(linearReference);
		var metadata = linearReference.metadata();
		if (metadata.whiteLevel() <= metadata.blackLevel()) {
			throw new IllegalArgumentException("white level " + metadata.whiteLevel() + " is not above black level "
					+ metadata.blackLevel());
		}
		ColourOutput output = new ColourOutput(settings.whiteBalance(), metadata.blackLevel(), metadata.whiteLevel());
		int width = linearReference.width();
		int height = linearReference.height();
		byte[] rgb = new byte[Math.multiplyExact(width * height, 3)];
		inBands(height, band -> FrameConversion.renderLinearRows(linearReference, output, band,
				Math.min(height, band + BAND_ROWS), rgb));
		return new RgbImage(width, height, rgb);
	}

	private List<FrameShift> align(List<BayerMosaic> frames) {
		List<FrameShift> shifts = new ArrayList<>(frames.size());
		shifts.add(FrameShift.NONE);
		if (frames.size() == 1) {
			return shifts;
		}
		BurstAligner aligner = new BurstAligner(frames.get(0));
		List<Callable<FrameShift>> estimates = new ArrayList<>();
		for (BayerMosaic frame : frames.subList(1, frames.size())) {
			estimates.add(() -> aligner.shiftOf(frame));
		}
		for (Future<FrameShift> estimate : invokeAll(estimates)) {
			shifts.add(resultOf(estimate));
		}
		return shifts;
	}

	private void runStrips(FullDevelopment development, BooleanSupplier cancelled) {
		AtomicInteger nextStrip = new AtomicInteger();
		AtomicBoolean stopped = new AtomicBoolean();
		int strips = development.strips();
		List<Callable<Void>> workers = new ArrayList<>();
		for (int t = 0; t < Math.min(threads, strips); t++) {
			workers.add(() -> {
				StripWorkspace workspace = development.newWorkspace();
				for (int strip = nextStrip.getAndIncrement(); strip < strips && !stopped.get();
						strip = nextStrip.getAndIncrement()) {
					if (cancelled.getAsBoolean()) {
						stopped.set(true);
						break;
					}
					development.developStrip(strip, workspace);
				}
				return null;
			});
		}
		for (Future<Void> worker : invokeAll(workers)) {
			resultOf(worker);
		}
		if (stopped.get()) {
			throw new CancellationException("development cancelled");
		}
	}

	/** Runs {@code band} for each multiple of {@link #BAND_ROWS} below {@code height} on the pool. */
	private void inBands(int height, IntConsumer band) {
		List<Callable<Void>> bands = new ArrayList<>();
		for (int row = 0; row < height; row += BAND_ROWS) {
			int first = row;
			bands.add(() -> {
				band.accept(first);
				return null;
			});
		}
		for (Future<Void> result : invokeAll(bands)) {
			resultOf(result);
		}
	}

	private <T> List<Future<T>> invokeAll(List<Callable<T>> tasks) {
		try {
			return pool.invokeAll(tasks);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new CancellationException("interrupted while developing");
		}
	}

	private static <T> T resultOf(Future<T> future) {
		try {
			return future.get();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new CancellationException("interrupted while developing");
		} catch (ExecutionException e) {
			if (e.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (e.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException("development failed", e.getCause());
		}
	}

	private static void throwIfCancelled(BooleanSupplier cancelled) {
		if (cancelled.getAsBoolean()) {
			throw new CancellationException("development cancelled");
		}
	}

	private static DevelopmentSettings settingsOf(Configuration configuration) {
		return new DevelopmentSettings(new WhiteBalance(configuration.whiteBalanceRed(),
				configuration.whiteBalanceGreen(), configuration.whiteBalanceBlue()), configuration.demosaicCorrection(),
				configuration.denoiseStrength(),
				configuration.sharpenAmount(), configuration.stripRows());
	}

	private static ThreadFactory developmentThreads() {
		AtomicInteger count = new AtomicInteger();
		return runnable -> {
			Thread thread = new Thread(runnable, "darkroom-develop-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}
}
