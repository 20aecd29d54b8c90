package camera.develop.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.Logger;

import camera.develop.ExifData;
import camera.develop.GeoPosition;
import camera.develop.RgbImage;
import camera.develop.internal.pipeline.Configurations;

class ExifJpegCodecTest {
	private static final ExifData EXIF = new ExifData(Instant.parse("2025-03-14T15:09:26Z"), 6, "Darkroom",
			"Simulated Sensor", 10_000_000, 3200, new GeoPosition(48.8584, -2.2945, -12.5));

	private ExifJpegCodec codec;

	@AfterEach
	void release() {
		if (codec != null) {
			codec.deactivate();
		}
	}

	@Nested
	class WithImageIo {
		@Test
		void saysItIsImageIo() {
			assertThat(imageIo().name()).startsWith("ImageIO");
		}

		@Test
		void writesAJpegImageIoDecodes() throws Exception {
			assertDecodesToTheImage(imageIo().encode(gradient(), 90, EXIF));
		}

		@Test
		void writesReadableExif() {
			assertExif(imageIo().encode(gradient(), 90, EXIF));
		}
	}

	@Nested
	class WithLibjpegTurbo {
		@Test
		void saysItIsLibjpegTurbo() {
			assertThat(turbo().name()).startsWith("libjpeg-turbo");
		}

		@Test
		void writesAJpegImageIoDecodes() throws Exception {
			assertDecodesToTheImage(turbo().encode(gradient(), 90, EXIF));
		}

		@Test
		void writesReadableExif() {
			assertExif(turbo().encode(gradient(), 90, EXIF));
		}

		@Test
		void encodesImagesOfChangingSizeOnOneThread() throws Exception {
			ExifJpegCodec turbo = turbo();
			turbo.encode(gradient(), 80, EXIF);
			byte[] larger = turbo.encode(new RgbImage(640, 480, new byte[640 * 480 * 3]), 80, EXIF);

			assertThat(ImageIO.read(new ByteArrayInputStream(larger)).getWidth()).isEqualTo(640);
		}

		@Test
		void djpegAcceptsTheFile(@TempDir Path directory) throws Exception {
			assumeTrue(Files.isExecutable(Path.of("/usr/bin/djpeg")), "djpeg (libjpeg-turbo-progs) not installed");
			Path file = Files.write(directory.resolve("photo.jpg"), turbo().encode(gradient(), 90, EXIF));

			Process djpeg = new ProcessBuilder("djpeg", "-outfile", directory.resolve("photo.ppm").toString(),
					file.toString()).redirectErrorStream(true).start();

			assertThat(djpeg.waitFor(30, TimeUnit.SECONDS)).isTrue();
			assertThat(djpeg.exitValue()).isZero();
			assertThat(Files.readString(directory.resolve("photo.ppm"), java.nio.charset.StandardCharsets.ISO_8859_1))
					.startsWith("P6\n64 48\n255\n");
		}

		@Test
		void exiftoolReadsTheExif(@TempDir Path directory) throws Exception {
			assumeTrue(Files.isExecutable(Path.of("/usr/bin/exiftool")), "exiftool not installed");
			Path file = Files.write(directory.resolve("photo.jpg"), turbo().encode(gradient(), 90, EXIF));

			Process exiftool = new ProcessBuilder("exiftool", "-s", "-n", "-Make", "-Model", "-Orientation",
					"-DateTimeOriginal", "-ExposureTime", "-ISO", "-GPSLatitude", "-GPSLongitude", "-GPSAltitude",
					file.toString()).redirectErrorStream(true).start();
			String output = new String(exiftool.getInputStream().readAllBytes());

			assertThat(exiftool.waitFor(30, TimeUnit.SECONDS)).isTrue();
			assertThat(output).contains("Make                            : Darkroom")
					.contains("Model                           : Simulated Sensor")
					.contains("Orientation                     : 6")
					.contains("DateTimeOriginal                : 2025:03:14 15:09:26")
					.contains("ExposureTime                    : 0.01").contains("ISO                             : 3200")
					.contains("GPSLatitude                     : 48.8584").contains("GPSLongitude                    : -2.2945")
					.contains("GPSAltitude                     : -12.5");
		}

		private ExifJpegCodec turbo() {
			assumeTrue(TurboJpegEncoder.load().isPresent(), "libturbojpeg.so.0 not installed");
			return codec(false);
		}
	}

	@Nested
	class Validation {
		private static final ExifData TOKYO = new ExifData(Instant.parse("2026-12-01T22:59:39.123Z"), 1, "Darkroom",
				"Simulated Sensor", 10_000_000, 3200, null, ZoneOffset.ofHours(9));

		@Test
		void theCaptureTimeIsTheLocalTimeWithItsOffsetAndMilliseconds() {
			Map<String, String> tags = ExifReader.tags(imageIo().encode(gradient(), 90, TOKYO));

			assertThat(tags).containsEntry("0132", "2026:12:02 07:59:39").containsEntry("9003", "2026:12:02 07:59:39")
					.containsEntry("9004", "2026:12:02 07:59:39").containsEntry("9010", "+09:00")
					.containsEntry("9011", "+09:00").containsEntry("9012", "+09:00").containsEntry("9291", "123");
		}

		@Test
		void aNegativeOffsetIsWrittenWithItsSign() {
			assertThat(ExifSegment.offsetText(ZoneOffset.ofHoursMinutes(-3, -30))).isEqualTo("-03:30");
			assertThat(ExifSegment.offsetText(ZoneOffset.UTC)).isEqualTo("+00:00");
		}

		@Test
		void theExifImageSizeIsThatOfTheEncodedImage() {
			Map<String, String> tags = ExifReader.tags(imageIo().encode(gradient(), 90, TOKYO));

			assertThat(tags).containsEntry("a002", "64").containsEntry("a003", "48");
		}

		@Test
		void exiftoolFindsNothingToWarnAboutWithEitherEncoder(@TempDir Path directory) throws Exception {
			assumeTrue(Files.isExecutable(Path.of("/usr/bin/exiftool")), "exiftool not installed");
			List<byte[]> photos = new ArrayList<>(List.of(imageIo().encode(gradient(), 90, TOKYO),
					imageIo().encode(gradient(), 80, EXIF), imageIo().encodeCompact(gradient(), 95, TOKYO)));
			if (TurboJpegEncoder.load().isPresent()) {
				photos.add(codec(false).encode(gradient(), 95, TOKYO));
				photos.add(codec(false).encodeCompact(gradient(), 95, TOKYO));
			}
			for (int i = 0; i < photos.size(); i++) {
				Path file = Files.write(directory.resolve("photo-" + i + ".jpg"), photos.get(i));

				assertThat(exiftoolValidate(file)).as("exiftool -validate of photo %d", i)
						.contains("Validate                        : OK").doesNotContain("Warning");
			}
		}

		private static String exiftoolValidate(Path file) throws Exception {
			Process exiftool = new ProcessBuilder("exiftool", "-validate", "-warning", "-a", file.toString())
					.redirectErrorStream(true).start();
			String output = new String(exiftool.getInputStream().readAllBytes());
			assertThat(exiftool.waitFor(30, TimeUnit.SECONDS)).isTrue();
			return output;
		}
	}

	@Nested
	class CompactWithImageIo {
		@Test
		void aCompactPhotoIsProgressiveAndDecodesToTheImage() throws Exception {
			byte[] compact = imageIo().encodeCompact(gradient(), 90, EXIF);

			assertThat(hasMarker(compact, 0xC2)).isTrue();
			assertDecodesToTheImage(compact);
			assertExif(compact);
		}

		@Test
		void withCompactionOffPhotosForTheBackgroundGetTheStandardTables() {
			codec = new ExifJpegCodec(Configurations.of(ExifJpegCodec.Configuration.class,
					Map.of("forceImageIO", true, "compactBackgroundPhotos", false)), silentLogger());

			assertThat(hasMarker(codec.encodeCompact(gradient(), 90, EXIF), 0xC2)).isFalse();
		}

		private static boolean hasMarker(byte[] jpeg, int marker) {
			for (int at = 0; at + 1 < jpeg.length; at++) {
				if ((jpeg[at] & 0xFF) == 0xFF && (jpeg[at + 1] & 0xFF) == marker) {
					return true;
				}
			}
			return false;
		}
	}

	@Nested
	class Misuse {
		@Test
		void aQualityOutsideOneToHundredIsRefused() {
			assertThatThrownBy(() -> imageIo().encode(gradient(), 0, EXIF))
					.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1..100");
		}

		@Test
		void anOrientationOutsideOneToEightIsRefused() {
			ExifData sideways = new ExifData(Instant.EPOCH, 9, "a", "b", 1, 1, null);

			assertThatThrownBy(() -> imageIo().encode(gradient(), 80, sideways))
					.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("orientation");
		}
	}

	private ExifJpegCodec imageIo() {
		return codec(true);
	}

	private ExifJpegCodec codec(boolean forceImageIo) {
		codec = new ExifJpegCodec(Configurations.of(ExifJpegCodec.Configuration.class,
				Map.of("forceImageIO", forceImageIo)), silentLogger());
		return codec;
	}

	private static void assertDecodesToTheImage(byte[] jpeg) throws Exception {
		BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(jpeg));
		RgbImage original = gradient();

		assertThat(decoded.getWidth()).isEqualTo(original.width());
		assertThat(decoded.getHeight()).isEqualTo(original.height());
		int pixel = decoded.getRGB(40, 30);
		int at = (30 * original.width() + 40) * 3;
		assertThat((pixel >> 16) & 0xFF).isCloseTo(original.rgb()[at] & 0xFF, org.assertj.core.data.Offset.offset(6));
		assertThat((pixel >> 8) & 0xFF).isCloseTo(original.rgb()[at + 1] & 0xFF,
				org.assertj.core.data.Offset.offset(6));
	}

	private static void assertExif(byte[] jpeg) {
		Map<String, String> tags = ExifReader.tags(jpeg);

		assertThat(tags).containsEntry("010f", "Darkroom").containsEntry("0110", "Simulated Sensor")
				.containsEntry("0112", "6").containsEntry("9003", "2025:03:14 15:09:26")
				.containsEntry("829a", "1/100").containsEntry("8827", "3200").containsEntry("gps0001", "N")
				.containsEntry("gps0003", "W").containsEntry("gps0005", "1").containsEntry("gps0006", "1250/100");
	}

	/** A smooth 64x48 image: red along x, green along y. */
	static RgbImage gradient() {
		int width = 64;
		int height = 48;
		byte[] rgb = new byte[width * height * 3];
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				int at = (y * width + x) * 3;
				rgb[at] = (byte) (x * 4);
				rgb[at + 1] = (byte) (y * 5);
				rgb[at + 2] = (byte) 100;
			}
		}
		return new RgbImage(width, height, rgb);
	}

	static Logger silentLogger() {
		return (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
				(proxy, method, args) -> method.getReturnType() == boolean.class ? false : null);
	}
}
