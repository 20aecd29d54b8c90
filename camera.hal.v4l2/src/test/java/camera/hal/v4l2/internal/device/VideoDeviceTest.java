package camera.hal.v4l2.internal.device;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import camera.api.Size;

/** Reads vivid's answers, recorded in traces/vivid-discovery.trace, through the structure layouts. */
class VideoDeviceTest {
	private final ReplayingSyscalls replay = ReplayingSyscalls.of("traces/vivid-discovery.trace");

	@Nested
	class Enumeration {
		@Test
		void readsTheDriverCardAndCaptureCapabilityOfTheDevice() {
			try (VideoDevice device = VideoDevice.open(replay, "/dev/video0")) {
				VideoDevice.Capability capability = device.queryCapability();

				assertThat(capability.driver()).isEqualTo("vivid");
				assertThat(capability.card()).isEqualTo("vivid");
				assertThat(capability.busInfo()).startsWith("platform:vivid");
				assertThat(capability.capturesVideo()).isTrue();
			}
		}

		@Test
		void listsThePixelFormatsUntilTheDriverSaysEinval() {
			try (VideoDevice device = VideoDevice.open(replay, "/dev/video0")) {
				device.queryCapability();

				assertThat(device.pixelFormats()).contains(V4l2Requests.PIX_FMT_YUYV).hasSizeGreaterThan(10);
			}
		}

		@Test
		void listsTheDiscreteFrameSizesOfYuyv() {
			try (VideoDevice device = VideoDevice.open(replay, "/dev/video0")) {
				device.queryCapability();
				device.pixelFormats();

				assertThat(device.frameSizes(V4l2Requests.PIX_FMT_YUYV)).containsExactly(new Size(320, 180),
						new Size(640, 360), new Size(640, 480), new Size(1280, 720), new Size(1920, 1080),
						new Size(3840, 2160));
			}
		}
	}
}
