package camera.bench.internal;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import camera.api.Size;
import camera.api.hal.RawFrame;
import camera.api.hal.SceneBurst;
import camera.api.hal.SimulatedScene;
import camera.develop.ExifData;
import camera.develop.JpegCodec;
import camera.develop.PhotoDeveloper;
import camera.develop.RgbImage;

/**
 * Times the development pipeline and the encoders on a burst the simulated camera's scene renders as its sensor
 * delivers it, and grades both phases against the scene's noise-free reference of that burst.
 */
final class DevelopmentBench {
	/** The JPEG quality phase 2 writes by default ({@code camera.deferred.engine} jpegQualityHigh). */
	static final int FULL_QUALITY = 95;
	private static final int BURST_FRAMES = 4;

	/** What was measured; NaN where libjpeg-turbo is missing. */
	record Results(int frames, int iso, double phase2Millis, double turboMillis, double imageIoMillis,
			double copyMillis, double phase1Psnr, double phase2Psnr) {
	}

	private final PhotoDeveloper developer;
	private final JpegCodec codec;
	private final JpegCodec imageIo;
	private final int rounds;

	/**
	 * @param codec   the platform's codec, timed as libjpeg-turbo when that is what it runs on
	 * @param imageIo the codec bound to ImageIO
	 * @param rounds  timed runs of each step, after one warm-up run
	 */
	DevelopmentBench(PhotoDeveloper developer, JpegCodec codec, JpegCodec imageIo, int rounds) {
		this.developer = developer;
		this.codec = codec;
		this.imageIo = imageIo;
		this.rounds = rounds;
	}

	/** @throws camera.api.CameraException when the scene cannot render the size or its camera is stopping */
	Results run(SimulatedScene scene, Size size) {
		SceneBurst rendered = scene.render(size, BURST_FRAMES);
		List<RawFrame> burst = rendered.frames();
		RawFrame first = burst.get(0);
		ExifData exif = new ExifData(Instant.now(), 1, "Darkroom", "camera:bench", first.metadata().exposureNanos(),
				first.metadata().iso(), null);
		double phase2 = medianMillis(() -> codec.encodeCompact(developer.developFull(burst), FULL_QUALITY, exif));
		RgbImage full = developer.developFull(burst);
		double turbo = codec.name().startsWith(JpegCodec.LIBJPEG_TURBO_NAME)
				? medianMillis(() -> codec.encode(full, FULL_QUALITY, exif))
				: Double.NaN;
		double imageIoMillis = medianMillis(() -> imageIo.encode(full, FULL_QUALITY, exif));
		ByteBuffer source = first.data();
		ByteBuffer copy = ByteBuffer.allocateDirect(source.limit());
		double copyMillis = medianMillis(() -> copy.clear().put(0, source, 0, source.limit()));
		RgbImage ideal = developer.renderReference(rendered.reference());
		RgbImage fast = developer.developFast(first).resizedTo(ideal.width(), ideal.height());
		return new Results(burst.size(), first.metadata().iso(), phase2, turbo, imageIoMillis, copyMillis,
				fast.psnr(ideal), full.psnr(ideal));
	}

	private double medianMillis(Supplier<?> work) {
		work.get();
		List<Long> nanos = new ArrayList<>();
		for (int i = 0; i < rounds; i++) {
			long start = System.nanoTime();
			work.get();
			nanos.add(System.nanoTime() - start);
		}
		return Samples.ofNanos(nanos).median();
	}
}
