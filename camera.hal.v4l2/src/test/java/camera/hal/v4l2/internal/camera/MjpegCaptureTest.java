package camera.hal.v4l2.internal.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import camera.api.Size;
import camera.api.hal.HalCaptureRequest;
import camera.api.hal.HalDevice;
import camera.api.hal.HalProfile;
import camera.api.hal.PixelFormat;
import camera.api.hal.RawFrame;
import camera.hal.v4l2.internal.device.ReplayingSyscalls;
import camera.hal.v4l2.internal.device.TraceFormat;
import camera.hal.v4l2.internal.device.V4l2Requests;

/**
 * vivid offers no MJPEG, so this replays the recorded YUYV capture edited into an MJPEG one: the fourcc in
 * S_FMT becomes MJPG, each dequeued buffer holds a small JPEG and says so in {@code bytesused}. The call sequence
 * of streaming is the same for every format; only the bytes differ.
 */
class MjpegCaptureTest {
	private static final Size SIZE = new Size(320, 180);
	/** Hex digits of v4l2_format.fmt.pix.pixelformat (byte 16) and v4l2_buffer.bytesused (byte 8). */
	private static final int PIXELFORMAT_HEX = 32;
	private static final int BYTES_USED_HEX = 16;

	private final byte[] jpeg = jpeg();
	private final Traces.KeepingSink sink = new Traces.KeepingSink();

	@Nested
	class Delivery {
		@Test
		void deliversEachJpegAsTheDriverFilledItWithoutReEncoding() {
			capture();

			assertThat(sink.frames).hasSize(3);
			for (RawFrame frame : sink.frames) {
				assertThat(frame.format()).isEqualTo(PixelFormat.MJPEG);
				assertThat(frame.stride()).isZero();
				assertThat(frame.data()).isEqualTo(ByteBuffer.wrap(jpeg));
			}
		}

		@Test
		void keepsTheFrameSizeTheDeviceWasSetTo() {
			capture();

			assertThat(sink.frames.getFirst().width()).isEqualTo(SIZE.width());
			assertThat(sink.frames.getFirst().height()).isEqualTo(SIZE.height());
		}
	}

	/** Captures the burst of 3 the trace recorded. */
	private void capture() {
		CameraProbe.Probed vivid = Traces.vivid();
		CameraProbe.Probed mjpeg = new CameraProbe.Probed(vivid.info(),
				Map.of(new HalProfile(SIZE, PixelFormat.MJPEG), V4l2Requests.PIX_FMT_MJPEG));
		ReplayingSyscalls replay = ReplayingSyscalls.fromLines(asMjpeg(
				ReplayingSyscalls.lines("traces/vivid-capture-yuyv.trace")));
		V4l2Camera camera = new V4l2Camera(replay, "/dev/video0", mjpeg, () -> Traces.SETTINGS, lost -> {
		}, Traces.LOG);
		try (HalDevice device = camera.open()) {
			device.capture(new HalCaptureRequest(1, SIZE, PixelFormat.MJPEG, 3), sink);
		}
	}

	private List<String> asMjpeg(List<String> trace) {
		String mjpg = littleEndianHex(V4l2Requests.PIX_FMT_MJPEG);
		String length = littleEndianHex(jpeg.length);
		return trace.stream().map(line -> {
			String[] fields = line.split(" ");
			if (line.startsWith("data ")) {
				fields[2] = TraceFormat.pack(jpeg);
			} else if (fields.length > 6 && fields[2].equals("S_FMT")) {
				fields[3] = replace(fields[3], PIXELFORMAT_HEX, mjpg);
				fields[6] = replace(fields[6], PIXELFORMAT_HEX, mjpg);
			} else if (fields.length > 6 && fields[2].equals("DQBUF")) {
				fields[6] = replace(fields[6], BYTES_USED_HEX, length);
			}
			return String.join(" ", fields);
		}).toList();
	}

	private static String replace(String hex, int at, String value) {
		return hex.substring(0, at) + value + hex.substring(at + value.length());
	}

	private static String littleEndianHex(int value) {
		return TraceFormat.HEX.formatHex(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array());
	}

	private static byte[] jpeg() {
		BufferedImage image = new BufferedImage(SIZE.width(), SIZE.height(), BufferedImage.TYPE_INT_RGB);
		image.setRGB(10, 10, 0xff8040);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "jpg", out);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}
}
