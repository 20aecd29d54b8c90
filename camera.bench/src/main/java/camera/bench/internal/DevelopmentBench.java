package camera.bench.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import camera.api.Size;
import camera.api.hal.RawFrame;
import camera.api.hal.SceneBurst;
import camera.api.hal.SimulatedScene;
import camera.develop.DngCodec;
import camera.develop.ExifData;
import camera.develop.JpegCodec;
import camera.develop.PhotoDeveloper;
import camera.develop.RgbImage;

/**
 * Times the development pipeline and the encoders on a burst the simulated camera's scene renders as its sensor
 * delivers it, and grades both phases against the scene's noise-free reference of that burst (PSNR and SSIM over
 * the whole picture). Where dcraw is installed, the DNG of the burst's first frame (the frame phase 1 develops and
 * a capture with raw keeps) is developed by dcraw too and graded the same way, through the same output transform.
 */
final class DevelopmentBench {
	/** The JPEG quality phase 2 writes by default ({@code camera.deferred.engine} jpegQualityHigh). */
	static final int FULL_QUALITY = 95;
	private static final int BURST_FRAMES = 4;

	/** How close a development comes to the reference: NaN for what was not measured. */
	record Grade(double psnr, double ssim) {
		static final Grade NONE = new Grade(Double.NaN, Double.NaN);

		static Grade of(RgbImage image, RgbImage reference) {
			return new Grade(image.psnr(reference), image.ssim(reference));
		}
	}

	/** What was measured; NaN where libjpeg-turbo or dcraw is missing. */
	record Results(int frames, int iso, double phase2Millis, double turboMillis, double imageIoMillis,
			double copyMillis, Grade phase1, Grade phase2, Grade dcrawQ3, Grade dcrawQ0) {
	}

	private final PhotoDeveloper developer;
	private final JpegCodec codec;
	private final JpegCodec imageIo;
	private final int rounds;
	private final DngCodec dngCodec;
	private final Optional<DcrawDevelopment> dcraw;

	/**
	 * @param codec   the platform's codec, timed as libjpeg-turbo when that is what it runs on
	 * @param imageIo the codec bound to ImageIO
	 * @param rounds  timed runs of each step, after one warm-up run
	 * @param dngCodec the DNG writer, or null when there is none (dcraw is then not graded)
	 * @param dcraw   dcraw, if it is installed
	 */
	DevelopmentBench(PhotoDeveloper developer, JpegCodec codec, JpegCodec imageIo, int rounds, DngCodec dngCodec,
			Optional<DcrawDevelopment> dcraw) {
		this.developer = developer;
		this.codec = codec;
		this.imageIo = imageIo;
		this.rounds = rounds;
		this.dngCodec = dngCodec;
		this.dcraw = dcraw;
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
		boolean graded = dngCodec != null && dcraw.isPresent();
		Grade dcrawQ3 = graded ? dcraw(first, exif, ideal, 3) : Grade.NONE;
		Grade dcrawQ0 = graded ? dcraw(first, exif, ideal, 0) : Grade.NONE;
		return new Results(burst.size(), first.metadata().iso(), phase2, turbo, imageIoMillis, copyMillis,
				Grade.of(fast, ideal), Grade.of(full, ideal), dcrawQ3, dcrawQ0);
	}

	/** dcraw's development of the frame's DNG, rendered through the reference's output transform and graded. */
	private Grade dcraw(RawFrame frame, ExifData exif, RgbImage ideal, int quality) {
		Path dng = null;
		try {
			dng = Files.createTempFile("darkroom-bench-", ".dng");
			Files.write(dng, dngCodec.encode(frame, exif));
			int fullScale = frame.metadata().whiteLevel() - frame.metadata().blackLevel();
			RgbImage developed = developer.renderReference(dcraw.orElseThrow().develop(dng, quality, fullScale));
			return Grade.of(developed, ideal);
		} catch (IOException e) {
			throw new UncheckedIOException("dcraw could not be graded: " + e.getMessage(), e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while dcraw developed the DNG", e);
		} finally {
			if (dng != null) {
				try {
					Files.deleteIfExists(dng);
				} catch (IOException e) {
					// A temporary file left behind is harmless; the grade stands.
				}
			}
		}
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
