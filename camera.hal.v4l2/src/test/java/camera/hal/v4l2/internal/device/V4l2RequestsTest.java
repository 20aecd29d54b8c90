package camera.hal.v4l2.internal.device;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class V4l2RequestsTest {

	@Nested
	class RequestNumbers {
		@Test
		void matchTheKernelHeadersForEveryStructureTheHalPasses() {
			assertThat(V4l2Requests.QUERYCAP).isEqualTo(0x80685600L);
			assertThat(V4l2Requests.ENUM_FMT).isEqualTo(0xc0405602L);
			assertThat(V4l2Requests.ENUM_FRAMESIZES).isEqualTo(0xc02c564aL);
			assertThat(V4l2Requests.S_FMT).isEqualTo(0xc0d05605L);
			assertThat(V4l2Requests.REQBUFS).isEqualTo(0xc0145608L);
			assertThat(V4l2Requests.QUERYBUF).isEqualTo(0xc0585609L);
			assertThat(V4l2Requests.QBUF).isEqualTo(0xc058560fL);
			assertThat(V4l2Requests.DQBUF).isEqualTo(0xc0585611L);
			assertThat(V4l2Requests.STREAMON).isEqualTo(0x40045612L);
			assertThat(V4l2Requests.STREAMOFF).isEqualTo(0x40045613L);
			assertThat(V4l2Requests.G_PARM).isEqualTo(0xc0cc5615L);
		}

		@Test
		void haveNamesForTraces() {
			assertThat(V4l2Requests.name(V4l2Requests.DQBUF)).isEqualTo("DQBUF");
			assertThat(V4l2Requests.valueOf("DQBUF")).isEqualTo(V4l2Requests.DQBUF);
		}
	}

	@Nested
	class PixelFormats {
		@Test
		void areFourCharacterCodesInLittleEndianOrder() {
			assertThat(V4l2Requests.PIX_FMT_YUYV).isEqualTo(0x56595559);
			assertThat(fourccText(V4l2Requests.PIX_FMT_MJPEG)).isEqualTo("MJPG");
		}

		private static String fourccText(int code) {
			return new String(new char[] { (char) (code & 0xff), (char) (code >> 8 & 0xff),
					(char) (code >> 16 & 0xff), (char) (code >>> 24) });
		}
	}
}
