package camera.deferred.internal.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

import camera.api.Size;
import camera.api.hal.BayerPattern;
import camera.api.hal.FrameMetadata;
import camera.api.hal.HalCaptureRequest;
import camera.api.hal.PixelFormat;
import camera.api.hal.RawFrame;

class FrameCheckTest {
	private static final HalCaptureRequest BAYER_64X48 = new HalCaptureRequest(1, new Size(64, 48),
			PixelFormat.RAW_BAYER16, 4);

	@Test
	void aFrameAsAskedForPasses() {
		assertThat(FrameCheck.problem(bayer(64, 48, 128, 128 * 48), BAYER_64X48)).isEmpty();
	}

	@Test
	void paddedRowsPassWhenTheLastRowIsWhole() {
		assertThat(FrameCheck.problem(bayer(64, 48, 160, 160 * 47 + 128), BAYER_64X48)).isEmpty();
	}

	@Test
	void aBufferThatEndsInsideTheLastRowFails() {
		assertThat(FrameCheck.problem(bayer(64, 48, 128, 128 * 48 - 2), BAYER_64X48))
			.hasValue("holds 6142 bytes, fewer than the 6144 of its rows");
	}

	@Test
	void rowsNarrowerThanTheirPixelsFail() {
		assertThat(FrameCheck.problem(bayer(64, 48, 100, 128 * 48), BAYER_64X48)).get(
				org.assertj.core.api.InstanceOfAssertFactories.STRING).contains("rows of 100 bytes");
	}

	@Test
	void anotherSizeThanAskedForFails() {
		assertThat(FrameCheck.problem(bayer(32, 48, 64, 64 * 48), BAYER_64X48)).get(
				org.assertj.core.api.InstanceOfAssertFactories.STRING).contains("is 32x48");
	}

	@Test
	void anotherFormatThanAskedForFails() {
		RawFrame yuyv = new RawFrame(PixelFormat.YUYV, 64, 48, 128, ByteBuffer.allocate(128 * 48), metadata());

		assertThat(FrameCheck.problem(yuyv, BAYER_64X48)).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains("is YUYV");
	}

	@Test
	void anMjpegFrameMustStartLikeAJpeg() {
		HalCaptureRequest mjpeg = new HalCaptureRequest(1, new Size(64, 48), PixelFormat.MJPEG, 1);
		RawFrame jpeg = new RawFrame(PixelFormat.MJPEG, 64, 48, 0,
				ByteBuffer.wrap(new byte[] { (byte) 0xFF, (byte) 0xD8, 0 }), metadata());
		RawFrame garbage = new RawFrame(PixelFormat.MJPEG, 64, 48, 0, ByteBuffer.wrap(new byte[] { 1, 2, 3 }),
				metadata());

		assertThat(FrameCheck.problem(jpeg, mjpeg)).isEmpty();
		assertThat(FrameCheck.problem(garbage, mjpeg)).hasValue("is not a JPEG image");
	}

	private static RawFrame bayer(int width, int height, int stride, int bytes) {
		return new RawFrame(PixelFormat.RAW_BAYER16, width, height, stride, ByteBuffer.allocate(bytes), metadata());
	}

	private static FrameMetadata metadata() {
		return new FrameMetadata(0, 1_000_000, 100, 64, 4095, BayerPattern.RGGB);
	}
}
