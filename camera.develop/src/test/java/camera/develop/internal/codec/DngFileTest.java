package camera.develop.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import camera.api.hal.BayerPattern;
import camera.api.hal.FrameMetadata;
import camera.api.hal.PixelFormat;
import camera.api.hal.RawFrame;
import camera.develop.ExifData;
import camera.develop.RgbImage;
import camera.develop.internal.pipeline.Configurations;
import camera.develop.internal.pipeline.SyntheticBurst;
import camera.develop.internal.pipeline.TiledPhotoDeveloper;

class DngFileTest {
	private static final ExifData EXIF = new ExifData(Instant.parse("2026-12-02T06:00:00.250Z"), 1, "Darkroom",
			"Simulated back camera", 10_000_000, 3200, null);
	private static final int WIDTH = 480;
	private static final int HEIGHT = 320;
	private static final int FULL_SCALE = SyntheticBurst.WHITE - SyntheticBurst.BLACK;

	private final TiledPhotoDeveloper developer = Configurations.developer(Map.of());

	@Nested
	class Layout {
		@Test
		void holdsTheMosaicAsBigEndianSamplesAfterItsDirectories() {
			RawFrame frame = cleanShot(BayerPattern.RGGB).frames().get(0);

			ByteBuffer file = ByteBuffer.wrap(DngFile.write(frame, EXIF)).order(ByteOrder.BIG_ENDIAN);

			int samples = 2 * WIDTH * HEIGHT;
			assertThat(file.getShort(0)).isEqualTo((short) 0x4D4D);
			assertThat(file.getShort(2)).isEqualTo((short) 42);
			int last = file.capacity() - 2;
			int lastPixel = (HEIGHT - 1) * WIDTH + WIDTH - 1;
			assertThat(file.getShort(last)).isEqualTo(frame.data().order(ByteOrder.LITTLE_ENDIAN).getShort(2 * lastPixel));
			assertThat(file.capacity()).isGreaterThan(samples);
		}

		@Test
		void refusesAFrameThatIsNoMosaic() {
			RawFrame rgb = new RawFrame(PixelFormat.RGB888, 4, 4, 12, ByteBuffer.allocate(48),
					new FrameMetadata(0, 0, 100, 0, 255, null));

			assertThatThrownBy(() -> DngFile.write(rgb, EXIF)).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("Bayer mosaic");
		}
	}

	@Nested
	class ReadBackByDcraw {
		@Test
		void dcrawIdentifiesTheCameraAndTheSize(@TempDir Path directory) throws Exception {
			assumeTrue(Dcraw.installed(), "dcraw is not installed");
			Path file = Files.write(directory.resolve("photo.dng"), DngFile.write(cleanShot(BayerPattern.RGGB).frames().get(0), EXIF));

			Process identify = new ProcessBuilder(Dcraw.EXECUTABLE.toString(), "-i", "-v", file.toString())
				.redirectErrorStream(true).start();
			String output = new String(identify.getInputStream().readAllBytes());

			assertThat(identify.waitFor(30, TimeUnit.SECONDS)).isTrue();
			assertThat(output).contains("Camera: Darkroom Simulated back camera", "ISO speed: 3200",
					"Filter pattern: RG/GB", "Image size:   " + WIDTH + " x " + HEIGHT);
		}

		@Test
		void dcrawDevelopsThePictureTheReferenceShows(@TempDir Path directory) throws Exception {
			assumeTrue(Dcraw.installed(), "dcraw is not installed");
			SyntheticBurst.Shot shot = cleanShot(BayerPattern.RGGB);
			Path file = Files.write(directory.resolve("photo.dng"), DngFile.write(shot.frames().get(0), EXIF));

			RawFrame decoded = Dcraw.linear(file, FULL_SCALE, "-q", "3");

			RgbImage reference = developer.renderReference(shot.reference());
			RgbImage developed = developer.renderReference(decoded);
			assertThat(developed.width()).isEqualTo(WIDTH);
			assertThat(developed.height()).isEqualTo(HEIGHT);
			assertThat(developed.psnr(reference)).isGreaterThan(35);
			assertThat(developed.ssim(reference)).isGreaterThan(0.97);
		}

		@Test
		void dcrawReadsEveryBayerLayout(@TempDir Path directory) throws Exception {
			assumeTrue(Dcraw.installed(), "dcraw is not installed");
			for (BayerPattern pattern : BayerPattern.values()) {
				SyntheticBurst.Shot shot = cleanShot(pattern);
				Path file = Files.write(directory.resolve(pattern + ".dng"), DngFile.write(shot.frames().get(0), EXIF));

				RgbImage developed = developer.renderReference(Dcraw.linear(file, FULL_SCALE, "-q", "0"));

				assertThat(developed.psnr(developer.renderReference(shot.reference()))).as(pattern.name())
					.isGreaterThan(28);
			}
		}

		@Test
		void dcrawTurnsThePictureAsTheOrientationSays(@TempDir Path directory) throws Exception {
			assumeTrue(Dcraw.installed(), "dcraw is not installed");
			ExifData turned = new ExifData(EXIF.captureTime(), ExifData.orientationOf(90, false), EXIF.make(),
					EXIF.model(), EXIF.exposureNanos(), EXIF.iso(), null);
			Path file = Files.write(directory.resolve("photo.dng"),
					DngFile.write(cleanShot(BayerPattern.RGGB).frames().get(0), turned));

			RawFrame decoded = Dcraw.linear(file, FULL_SCALE, "-q", "0");

			assertThat(decoded.width()).isEqualTo(HEIGHT);
			assertThat(decoded.height()).isEqualTo(WIDTH);
		}
	}

	private static SyntheticBurst.Shot cleanShot(BayerPattern pattern) {
		return new SyntheticBurst(WIDTH, HEIGHT, pattern, 0, 0).capture(7, new int[] {0, 0});
	}
}
