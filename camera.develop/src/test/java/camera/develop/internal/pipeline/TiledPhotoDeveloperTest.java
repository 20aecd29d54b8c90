package camera.develop.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import camera.api.hal.BayerPattern;
import camera.api.hal.FrameMetadata;
import camera.api.hal.PixelFormat;
import camera.api.hal.RawFrame;
import camera.develop.RgbImage;

class TiledPhotoDeveloperTest {
	private final TiledPhotoDeveloper developer = Configurations.developer(Map.of("stripRows", 16));

	@AfterEach
	void stopPool() {
		developer.deactivate();
	}

	@Nested
	class FlatColourFields {
		@ParameterizedTest
		@EnumSource(BayerPattern.class)
		void fastDevelopmentRendersAFlatFieldAsItsReference(BayerPattern pattern) {
			RgbImage fast = developer.developFast(flatMosaic(pattern));

			assertThat(fast.resizedTo(40, 36).rgb()).isEqualTo(flatReference().rgb());
		}

		@ParameterizedTest
		@EnumSource(BayerPattern.class)
		void fullDevelopmentRendersAFlatFieldAsItsReference(BayerPattern pattern) {
			RgbImage full = developer.developFull(List.of(flatMosaic(pattern), flatMosaic(pattern)));

			assertThat(full.rgb()).isEqualTo(flatReference().rgb());
		}

		@Test
		void theFlatFieldIsNotGrey() {
			byte[] pixel = java.util.Arrays.copyOf(flatReference().rgb(), 3);

			assertThat(pixel[0]).isNotEqualTo(pixel[1]);
			assertThat(pixel[1]).isNotEqualTo(pixel[2]);
		}
	}

	@Nested
	class Edges {
		@ParameterizedTest
		@EnumSource(BayerPattern.class)
		void aGreyStepEdgeStaysGreyWithoutColourFringes(BayerPattern pattern) {
			RgbImage full = developer.developFull(List.of(greyStep(pattern)));

			byte[] rgb = full.rgb();
			for (int pixel = 0; pixel < rgb.length; pixel += 3) {
				assertThat(new byte[] {rgb[pixel + 1], rgb[pixel + 2]}).as("pixel %d", pixel / 3)
						.containsOnly(rgb[pixel]);
			}
		}

		@Test
		void aGreyStepEdgeKeepsBothSidesApart() {
			RgbImage full = developer.developFull(List.of(greyStep(BayerPattern.RGGB)));

			int row = 18 * 40 * 3;
			assertThat(full.rgb()[row + 3 * 5] & 0xFF).isLessThan(full.rgb()[row + 3 * 35] & 0xFF);
		}
	}

	@Nested
	class ImageQuality {
		@Test
		void fullDevelopmentOfFourNoisyFramesBeatsFastDevelopmentByThreeDecibels() {
			SyntheticBurst.Shot shot = new SyntheticBurst(192, 160, BayerPattern.RGGB, 16, 24)
					.capture(7, new int[] {0, 0}, new int[] {3, -2}, new int[] {-4, 1}, new int[] {1, 5});
			RgbImage reference = developer.renderReference(shot.reference());

			double fast = developer.developFast(shot.frames().get(0)).resizedTo(192, 160).psnr(reference);
			double full = developer.developFull(shot.frames()).psnr(reference);

			assertThat(full).isGreaterThan(fast + 3);
		}

		@Test
		void fastDevelopmentBinsABayerFrameToHalfItsSize() {
			SyntheticBurst.Shot shot = new SyntheticBurst(70, 50, BayerPattern.GBRG, 4, 12).capture(1, new int[] {0, 0});

			RgbImage fast = developer.developFast(shot.frames().get(0));

			assertThat(fast.width()).isEqualTo(35);
			assertThat(fast.height()).isEqualTo(25);
		}

		@Test
		void fastDevelopmentAveragesTheTwoGreensOfAQuad() {
			RgbImage fast = developer.developFast(quadMosaic(BayerPattern.GRBG, 1000, 1400));
			RgbImage mean = developer.developFast(quadMosaic(BayerPattern.GRBG, 1200, 1200));

			assertThat(fast.rgb()[1]).isEqualTo(mean.rgb()[1]);
		}

		@Test
		void fullDevelopmentKeepsTheFullSize() {
			SyntheticBurst.Shot shot = new SyntheticBurst(70, 50, BayerPattern.GBRG, 4, 12).capture(1, new int[] {0, 0});

			RgbImage full = developer.developFull(shot.frames());

			assertThat(full.width()).isEqualTo(70);
			assertThat(full.height()).isEqualTo(50);
		}
	}

	@Nested
	class Cancellation {
		@Test
		void developmentStopsBetweenStripsOnceCancelled() {
			SyntheticBurst.Shot shot = new SyntheticBurst(64, 512, BayerPattern.RGGB, 4, 12)
					.capture(3, new int[] {0, 0}, new int[] {0, 0});
			AtomicInteger polls = new AtomicInteger();
			int strips = 512 / 16;

			assertThatThrownBy(() -> developer.developFull(shot.frames(), () -> polls.incrementAndGet() > 3))
					.isInstanceOf(CancellationException.class);
			assertThat(polls.get()).isLessThan(strips);
		}

		@Test
		void anUncancelledDevelopmentPollsBeforeEveryStrip() {
			SyntheticBurst.Shot shot = new SyntheticBurst(64, 512, BayerPattern.RGGB, 4, 12)
					.capture(3, new int[] {0, 0});
			AtomicInteger polls = new AtomicInteger();

			developer.developFull(shot.frames(), () -> polls.incrementAndGet() < 0);

			assertThat(polls.get()).isGreaterThanOrEqualTo(512 / 16);
		}

		@Test
		void anInterruptedCallerGetsCancellationAndKeepsItsInterruptStatus() {
			SyntheticBurst.Shot shot = new SyntheticBurst(64, 512, BayerPattern.RGGB, 4, 12)
					.capture(3, new int[] {0, 0}, new int[] {0, 0});
			Thread.currentThread().interrupt();
			try {
				assertThatThrownBy(() -> developer.developFull(shot.frames())).isInstanceOf(CancellationException.class);
				assertThat(Thread.currentThread().isInterrupted()).isTrue();
			} finally {
				Thread.interrupted();
			}
		}
	}

	@Nested
	class DevelopedFrames {
		@Test
		void anRgbFrameIsTakenAsItIs() {
			byte[] pixels = {1, 2, 3, 4, 5, 6, 0, 0, 7, 8, 9, 10, 11, 12, 0, 0};
			RawFrame frame = new RawFrame(PixelFormat.RGB888, 2, 2, 8, ByteBuffer.wrap(pixels), developed());

			assertThat(developer.developFast(frame).rgb()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
		}

		@Test
		void aGreyYuyvFrameBecomesGrey() {
			byte[] pixels = {(byte) 126, (byte) 128, (byte) 126, (byte) 128};
			RawFrame frame = new RawFrame(PixelFormat.YUYV, 2, 1, 4, ByteBuffer.wrap(pixels), developed());

			assertThat(developer.developFast(frame).rgb()).containsOnly((byte) 128);
		}

		@Test
		void anMjpegFrameIsDecoded() throws Exception {
			var image = new java.awt.image.BufferedImage(16, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
			var bytes = new java.io.ByteArrayOutputStream();
			javax.imageio.ImageIO.write(image, "jpeg", bytes);
			RawFrame frame = new RawFrame(PixelFormat.MJPEG, 16, 8, 0, ByteBuffer.wrap(bytes.toByteArray()),
					developed());

			RgbImage developedImage = developer.developFull(List.of(frame));

			assertThat(developedImage.width()).isEqualTo(16);
			assertThat(developedImage.rgb()).containsOnly((byte) 0);
		}

		@Test
		void aReferenceMustBeLinear() {
			RawFrame frame = new RawFrame(PixelFormat.RGB888, 1, 1, 3, ByteBuffer.allocate(3), developed());

			assertThatThrownBy(() -> developer.renderReference(frame)).isInstanceOf(IllegalArgumentException.class)
					.hasMessageContaining("RGB48_LINEAR");
		}
	}

	private static FrameMetadata developed() {
		return new FrameMetadata(0, 0, 0, 0, 255, null);
	}

	private static final int[] FLAT = {900, 2100, 1500};

	private static RawFrame flatMosaic(BayerPattern pattern) {
		int width = 40;
		int height = 36;
		String sites = pattern.name();
		ByteBuffer data = ByteBuffer.allocate(width * height * 2).order(ByteOrder.LITTLE_ENDIAN);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				char colour = sites.charAt(((y & 1) << 1) | (x & 1));
				data.putShort((short) (SyntheticBurst.BLACK + FLAT["RGB".indexOf(colour)]));
			}
		}
		return new RawFrame(PixelFormat.RAW_BAYER16, width, height, width * 2, data.flip(),
				new FrameMetadata(0, 1_000_000, 100, SyntheticBurst.BLACK, SyntheticBurst.WHITE, pattern));
	}

	/** A grey scene, dark left of column 20 and bright from it on, without noise. */
	private static RawFrame greyStep(BayerPattern pattern) {
		int width = 40;
		int height = 36;
		ByteBuffer data = ByteBuffer.allocate(width * height * 2).order(ByteOrder.LITTLE_ENDIAN);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				data.putShort((short) (SyntheticBurst.BLACK + (x < 20 ? 500 : 3000)));
			}
		}
		return new RawFrame(PixelFormat.RAW_BAYER16, width, height, width * 2, data.flip(),
				new FrameMetadata(0, 1_000_000, 100, SyntheticBurst.BLACK, SyntheticBurst.WHITE, pattern));
	}

	/** A mosaic whose quads all hold the two given greens; red and blue are mid-grey. */
	private static RawFrame quadMosaic(BayerPattern pattern, int firstGreen, int secondGreen) {
		int width = 8;
		int height = 8;
		ByteBuffer data = ByteBuffer.allocate(width * height * 2).order(ByteOrder.LITTLE_ENDIAN);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				char colour = pattern.name().charAt(((y & 1) << 1) | (x & 1));
				int value = colour != 'G' ? 1200 : (y & 1) == 0 ? firstGreen : secondGreen;
				data.putShort((short) (SyntheticBurst.BLACK + value));
			}
		}
		return new RawFrame(PixelFormat.RAW_BAYER16, width, height, width * 2, data.flip(),
				new FrameMetadata(0, 1_000_000, 100, SyntheticBurst.BLACK, SyntheticBurst.WHITE, pattern));
	}

	private RgbImage flatReference() {
		int width = 40;
		int height = 36;
		ByteBuffer data = ByteBuffer.allocate(width * height * 6).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < width * height; i++) {
			for (int channel : FLAT) {
				data.putShort((short) (SyntheticBurst.BLACK + channel));
			}
		}
		return developer.renderReference(new RawFrame(PixelFormat.RGB48_LINEAR, width, height, width * 6,
				data.flip(), new FrameMetadata(0, 0, 0, SyntheticBurst.BLACK, SyntheticBurst.WHITE, null)));
	}
}
