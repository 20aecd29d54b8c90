package camera.develop.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import camera.develop.ExifData;
import camera.develop.RgbImage;

class StripedEncodingTest {
	private static final byte[] NO_EXIF = new byte[0];

	private TurboJpegEncoder striped;
	private TurboJpegEncoder whole;

	@AfterEach
	void release() {
		for (TurboJpegEncoder encoder : new TurboJpegEncoder[] { striped, whole }) {
			if (encoder != null) {
				encoder.close();
			}
		}
	}

	@Nested
	class Plan {
		@Test
		void aSmallImageIsOneStripe() {
			assertThat(Stripes.plan(640, 200, 4).count()).isEqualTo(1);
		}

		@Test
		void oneThreadNeverCutsTheImage() {
			assertThat(Stripes.plan(4000, 3000, 1).count()).isEqualTo(1);
		}

		@Test
		void stripesAreWholeMcuRowsAndTheLastTakesTheRest() {
			Stripes stripes = Stripes.plan(4000, 3000, 2);

			assertThat(stripes.count()).isEqualTo(4);
			assertThat(stripes.stripeHeight() % Stripes.MCU).isZero();
			int last = stripes.count() - 1;
			assertThat(stripes.firstRow(last) + stripes.rows(last)).isEqualTo(3000);
			assertThat(stripes.rows(last)).isPositive().isLessThanOrEqualTo(stripes.stripeHeight());
		}

		@Test
		void theRestartIntervalCountsTheMcusOfOneStripe() {
			Stripes stripes = Stripes.plan(4000, 3000, 2);

			assertThat(stripes.restartInterval()).isEqualTo(250 * (stripes.stripeHeight() / 16));
		}

		@Test
		void aVeryWideImageGetsStripesShortEnoughForOneRestartInterval() {
			Stripes stripes = Stripes.plan(65_000, 4000, 2);

			assertThat(stripes.restartInterval()).isLessThanOrEqualTo(0xFFFF);
		}
	}

	@Nested
	class WithLibjpegTurbo {
		@Test
		void theStripedFileDecodesToExactlyTheWholeEncoding() throws Exception {
			RgbImage image = noisyGradient(1000, 700);

			BufferedImage fromStripes = decode(striped().encode(image, 95, NO_EXIF));
			BufferedImage fromWhole = decode(whole().encode(image, 95, NO_EXIF));

			assertThat(fromStripes.getWidth()).isEqualTo(1000);
			assertThat(fromStripes.getHeight()).isEqualTo(700);
			assertThat(pixels(fromStripes)).isEqualTo(pixels(fromWhole));
		}

		@Test
		void theStripedFileHasARestartMarkerBetweenStripes() {
			RgbImage image = noisyGradient(1000, 700);
			Stripes plan = Stripes.plan(1000, 700, 2);

			byte[] jpeg = striped().encode(image, 90, NO_EXIF);

			assertThat(plan.count()).isGreaterThan(1);
			assertThat(countMarkers(jpeg, 0xDD)).isEqualTo(1);
			int restarts = 0;
			for (int marker = 0xD0; marker <= 0xD7; marker++) {
				restarts += countMarkers(jpeg, marker);
			}
			assertThat(restarts).isEqualTo(plan.count() - 1);
		}

		@Test
		void djpegDecodesTheStripedFileWithoutWarnings(@TempDir Path directory) throws Exception {
			assumeTrue(Files.isExecutable(Path.of("/usr/bin/djpeg")), "djpeg (libjpeg-turbo-progs) not installed");
			Path file = Files.write(directory.resolve("striped.jpg"),
					striped().encode(noisyGradient(1000, 700), 95, NO_EXIF));

			Process djpeg = new ProcessBuilder("djpeg", "-outfile", directory.resolve("striped.ppm").toString(),
					file.toString()).redirectErrorStream(true).start();
			String messages = new String(djpeg.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

			assertThat(djpeg.waitFor(30, TimeUnit.SECONDS)).isTrue();
			assertThat(djpeg.exitValue()).isZero();
			assertThat(messages).isEmpty();
		}

		@Test
		void theExifSegmentFollowsTheJfifHeader() {
			byte[] app1 = ExifSegment.app1(new ExifData(java.time.Instant.EPOCH, 1, "Darkroom", "Sim", 1, 100, null), 64,
					48);

			byte[] jpeg = striped().encode(noisyGradient(1000, 700), 90, app1);

			assertThat(ExifReader.tags(jpeg)).containsEntry("010f", "Darkroom");
		}

		@Test
		void stripesEncodedWithOtherTablesAreRefused() {
			RgbImage image = noisyGradient(1000, 700);
			Stripes plan = Stripes.plan(1000, 700, 2);
			TurboJpegEncoder encoder = whole();
			List<byte[]> stripes = new java.util.ArrayList<>();
			for (int stripe = 0; stripe < plan.count(); stripe++) {
				RgbImage rows = new RgbImage(1000, plan.rows(stripe), java.util.Arrays.copyOfRange(image.rgb(),
						plan.firstRow(stripe) * 3000, (plan.firstRow(stripe) + plan.rows(stripe)) * 3000));
				stripes.add(encoder.encode(rows, stripe == 0 ? 90 : 50, NO_EXIF));
			}

			assertThatThrownBy(() -> StripeSplicer.splice(stripes, plan, NO_EXIF))
					.isInstanceOf(IllegalStateException.class).hasMessageContaining("other tables");
		}
	}

	@Nested
	class Compact {
		@Test
		void theCompactFileDecodesToExactlyThePixelsOfTheStandardOne() throws Exception {
			RgbImage image = noisyGradient(1000, 700);

			BufferedImage standard = decode(striped().encode(image, 95, NO_EXIF));
			BufferedImage compact = decode(striped().encodeCompact(image, 95, NO_EXIF));

			assertThat(pixels(compact)).isEqualTo(pixels(standard));
		}

		@Test
		void theCompactFileIsProgressiveAndSmaller() {
			RgbImage image = noisyGradient(1000, 700);

			byte[] standard = striped().encode(image, 95, NO_EXIF);
			byte[] compact = striped().encodeCompact(image, 95, NO_EXIF);

			assertThat(countMarkers(compact, 0xC2)).isEqualTo(1);
			assertThat(countMarkers(compact, 0xC0)).isZero();
			assertThat(compact.length).isLessThan(standard.length);
		}

		@Test
		void theCompactFileKeepsTheExifSegment() {
			byte[] app1 = ExifSegment.app1(new ExifData(java.time.Instant.EPOCH, 1, "Darkroom", "Compact", 1, 100,
					null), 1000, 700);

			byte[] compact = striped().encodeCompact(noisyGradient(1000, 700), 90, app1);

			assertThat(ExifReader.tags(compact)).containsEntry("0110", "Compact").containsEntry("a002", "1000");
		}
	}

	private TurboJpegEncoder striped() {
		striped = loaded(TurboJpegEncoder.load(2));
		return striped;
	}

	private TurboJpegEncoder whole() {
		whole = loaded(TurboJpegEncoder.load(1));
		return whole;
	}

	private static TurboJpegEncoder loaded(Optional<TurboJpegEncoder> encoder) {
		assumeTrue(encoder.isPresent(), "libturbojpeg.so.0 not installed");
		return encoder.get();
	}

	private static BufferedImage decode(byte[] jpeg) throws Exception {
		return ImageIO.read(new ByteArrayInputStream(jpeg));
	}

	private static int[] pixels(BufferedImage image) {
		return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
	}

	/** Counts a marker outside entropy data, where a 0xFF byte is always followed by 0x00 or a restart marker. */
	private static int countMarkers(byte[] jpeg, int marker) {
		int count = 0;
		for (int at = 0; at + 1 < jpeg.length; at++) {
			if ((jpeg[at] & 0xFF) == 0xFF && (jpeg[at + 1] & 0xFF) == marker) {
				count++;
			}
		}
		return count;
	}

	/** A gradient with noise, so the entropy data is busy and every stripe's DC differs. */
	private static RgbImage noisyGradient(int width, int height) {
		SplittableRandom random = new SplittableRandom(7);
		byte[] rgb = new byte[width * height * 3];
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				int at = (y * width + x) * 3;
				rgb[at] = (byte) Math.clamp(x * 255L / width + random.nextInt(-20, 21), 0, 255);
				rgb[at + 1] = (byte) Math.clamp(y * 255L / height + random.nextInt(-20, 21), 0, 255);
				rgb[at + 2] = (byte) random.nextInt(256);
			}
		}
		return new RgbImage(width, height, rgb);
	}
}
