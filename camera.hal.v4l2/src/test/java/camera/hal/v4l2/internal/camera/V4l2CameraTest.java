package camera.hal.v4l2.internal.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import camera.api.CameraErrorCode;
import camera.api.CameraException;
import camera.api.ConnectionType;
import camera.api.DeferredDeliveryImageType;
import camera.api.Size;
import camera.api.hal.HalCaptureRequest;
import camera.api.hal.HalDevice;
import camera.api.hal.HalProfile;
import camera.api.hal.PixelFormat;
import camera.api.hal.RawFrame;
import camera.hal.v4l2.internal.device.ReplayingSyscalls;
import camera.hal.v4l2.internal.syscall.SyscallException;

class V4l2CameraTest {
	private static final Size SMALL = new Size(320, 180);
	private final List<V4l2Camera> lost = new ArrayList<>();
	private final Traces.KeepingSink sink = new Traces.KeepingSink();

	private V4l2Camera camera(ReplayingSyscalls replay) {
		return new V4l2Camera(replay, "/dev/video0", Traces.vivid(), () -> Traces.SETTINGS, lost::add, Traces.LOG);
	}

	/** Sets V4L2_BUF_FLAG_ERROR in the flags (byte 12) of the first dequeued buffer. */
	private static List<String> flagFirstFrameDamaged(List<String> trace) {
		List<String> edited = new ArrayList<>(trace);
		for (int i = 0; i < edited.size(); i++) {
			String[] fields = edited.get(i).split(" ");
			if (fields.length > 6 && fields[2].equals("DQBUF")) {
				int flags = Integer.parseInt(fields[6].substring(24, 26), 16) | 0x40;
				fields[6] = fields[6].substring(0, 24) + String.format("%02x", flags) + fields[6].substring(26);
				edited.set(i, String.join(" ", fields));
				return edited;
			}
		}
		throw new IllegalArgumentException("the trace dequeues no buffer");
	}

	private static HalCaptureRequest burst(int frames) {
		return new HalCaptureRequest(1, SMALL, PixelFormat.YUYV, frames);
	}

	@Nested
	class Description {
		@Test
		void namesTheCameraAfterItsNodeAndCard() {
			V4l2Camera camera = camera(ReplayingSyscalls.of());

			assertThat(camera.info().id()).isEqualTo("v4l2-video0");
			assertThat(camera.info().name()).isEqualTo("vivid (video0)");
			assertThat(camera.info().hal()).isEqualTo("v4l2");
			assertThat(camera.info().connection()).isEqualTo(ConnectionType.BUILT_IN);
		}

		@Test
		void offersEveryYuyvSizeOfTheDriverLargestFirst() {
			List<HalProfile> profiles = camera(ReplayingSyscalls.of()).capabilities().profiles();

			assertThat(profiles).hasSize(6).allMatch(profile -> profile.format() == PixelFormat.YUYV);
			assertThat(profiles.getFirst().size()).isEqualTo(new Size(3840, 2160));
			assertThat(profiles.getLast().size()).isEqualTo(SMALL);
		}

		@Test
		void supportsDeferredPhotoDeliveryAndTheConfiguredBurst() {
			var capabilities = camera(ReplayingSyscalls.of()).capabilities();

			assertThat(capabilities.deferredTypes()).containsExactly(DeferredDeliveryImageType.PHOTO);
			assertThat(capabilities.maxBurst()).isEqualTo(Traces.SETTINGS.maxBurst());
		}
	}

	@Nested
	class Capture {
		private final ReplayingSyscalls replay = ReplayingSyscalls.of("traces/vivid-capture-yuyv.trace");

		@Test
		void deliversABurstOfYuyvFramesCopiedOutOfTheMappedBuffers() {
			try (HalDevice device = camera(replay).open()) {
				device.capture(burst(3), sink);
			}

			assertThat(sink.frames).hasSize(3);
			RawFrame first = sink.frames.getFirst();
			assertThat(first.format()).isEqualTo(PixelFormat.YUYV);
			assertThat(first.stride()).isEqualTo(640);
			assertThat(first.data().remaining()).isEqualTo(640 * 180);
			// vivid's first colour bar is 75% white: Y 0xb3, neutral chroma.
			assertThat(first.data().get(0) & 0xff).isEqualTo(0xb3);
			assertThat(first.data().get(1) & 0xff).isEqualTo(0x80);
		}

		@Test
		void firesTheShutterOnceWithTheFirstFrameTimestamp() {
			try (HalDevice device = camera(replay).open()) {
				device.capture(burst(3), sink);
			}

			assertThat(sink.shutters).containsExactly(sink.frames.getFirst().metadata().timestampNanos());
		}

		@Test
		void stopsStreamingUnmapsEveryBufferAndClosesTheDevice() {
			try (HalDevice device = camera(replay).open()) {
				device.capture(burst(3), sink);
			}

			assertThat(replay.finished()).isTrue();
			assertThat(replay.liveMappings()).isZero();
			assertThat(replay.openDescriptors()).isEmpty();
		}

		@Test
		void skipsAFrameTheDriverFlagsAsDamaged() {
			ReplayingSyscalls damagedFirst = ReplayingSyscalls.fromLines(flagFirstFrameDamaged(
					ReplayingSyscalls.lines("traces/vivid-capture-yuyv.trace")));

			try (HalDevice device = camera(damagedFirst).open()) {
				device.capture(burst(2), sink);
			}

			assertThat(sink.frames).hasSize(2);
			assertThat(damagedFirst.finished()).isTrue();
		}

		@Test
		void refusesASizeTheCameraDoesNotOffer() {
			try (HalDevice device = camera(replay).open()) {
				assertThatThrownBy(() -> device.capture(new HalCaptureRequest(1, new Size(100, 100), PixelFormat.YUYV,
						1), sink)).isInstanceOfSatisfying(CameraException.class,
								e -> assertThat(e.errorCode()).isEqualTo(CameraErrorCode.INVALID_ARGUMENT));
			}
		}

		@Test
		void refusesABurstLongerThanConfigured() {
			try (HalDevice device = camera(replay).open()) {
				assertThatThrownBy(() -> device.capture(burst(Traces.SETTINGS.maxBurst() + 1), sink))
						.isInstanceOfSatisfying(CameraException.class,
								e -> assertThat(e.errorCode()).isEqualTo(CameraErrorCode.INVALID_ARGUMENT));
			}
		}
	}

	@Nested
	class Faults {
		@Test
		void aDeviceUnpluggedMidCaptureFailsWithDeviceDisabledAfterTheFramesItGave() {
			V4l2Camera camera = camera(ReplayingSyscalls.of("traces/vivid-unplug.trace"));

			try (HalDevice device = camera.open()) {
				assertThatThrownBy(() -> device.capture(burst(4), sink)).isInstanceOfSatisfying(CameraException.class,
						e -> assertThat(e.errorCode()).isEqualTo(CameraErrorCode.DEVICE_DISABLED));
			}
			assertThat(sink.frames).hasSize(1);
		}

		@Test
		void aDeviceUnpluggedMidCaptureReportsTheCameraLostAndRefusesLaterOpens() {
			ReplayingSyscalls replay = ReplayingSyscalls.of("traces/vivid-unplug.trace");
			V4l2Camera camera = camera(replay);

			try (HalDevice device = camera.open()) {
				assertThatThrownBy(() -> device.capture(burst(4), sink)).isInstanceOf(CameraException.class);
			}

			assertThat(lost).containsExactly(camera);
			assertThat(replay.finished()).isTrue();
			assertThat(replay.liveMappings()).isZero();
			assertThatThrownBy(camera::open).isInstanceOfSatisfying(CameraException.class,
					e -> assertThat(e.errorCode()).isEqualTo(CameraErrorCode.DEVICE_DISABLED));
		}

		@Test
		void aDeviceStreamingForAnotherProcessGivesConflictCamera() {
			ReplayingSyscalls replay = ReplayingSyscalls.of("traces/vivid-busy.trace");
			V4l2Camera camera = camera(replay);

			try (HalDevice device = camera.open()) {
				assertThatThrownBy(() -> device.capture(burst(1), sink)).isInstanceOfSatisfying(CameraException.class,
						e -> assertThat(e.errorCode()).isEqualTo(CameraErrorCode.CONFLICT_CAMERA));
			}
			assertThat(lost).isEmpty();
			assertThat(replay.finished()).isTrue();
		}

		@Test
		void aBusyStreamOnGivesConflictCameraAndReleasesTheBuffers() {
			ReplayingSyscalls replay = ReplayingSyscalls.of("traces/vivid-capture-yuyv.trace").failing("ioctl STREAMON",
					1, SyscallException.EBUSY);

			try (HalDevice device = camera(replay).open()) {
				assertThatThrownBy(() -> device.capture(burst(3), sink)).isInstanceOfSatisfying(CameraException.class,
						e -> assertThat(e.errorCode()).isEqualTo(CameraErrorCode.CONFLICT_CAMERA));
			}
			assertThat(replay.liveMappings()).isZero();
			assertThat(replay.openDescriptors()).isEmpty();
		}

		@Test
		void aDeviceThatStopsSendingFramesFailsAfterThePollTimeoutInsteadOfHanging() {
			ReplayingSyscalls replay = ReplayingSyscalls.of("traces/vivid-capture-yuyv.trace").failing("poll", 2, 0);

			try (HalDevice device = camera(replay).open()) {
				assertThatThrownBy(() -> device.capture(burst(3), sink)).isInstanceOfSatisfying(CameraException.class,
						e -> assertThat(e.errorCode()).isEqualTo(CameraErrorCode.SERVICE_FATAL_ERROR));
			}
			assertThat(sink.frames).hasSize(1);
			assertThat(replay.liveMappings()).isZero();
		}
	}

	@Nested
	class Opening {
		@Test
		void aSecondOpenWhileTheFirstIsHeldGivesConflictCamera() {
			V4l2Camera camera = camera(ReplayingSyscalls.of("traces/vivid-capture-yuyv.trace"));

			try (HalDevice device = camera.open()) {
				assertThatThrownBy(camera::open).isInstanceOfSatisfying(CameraException.class,
						e -> assertThat(e.errorCode()).isEqualTo(CameraErrorCode.CONFLICT_CAMERA));
			}
		}

		@Test
		void retiringTheCameraClosesItsOpenDevice() {
			ReplayingSyscalls replay = ReplayingSyscalls.of("traces/vivid-capture-yuyv.trace");
			V4l2Camera camera = camera(replay);
			HalDevice device = camera.open();
			device.capture(burst(3), sink);

			camera.retire();

			assertThat(replay.openDescriptors()).isEmpty();
			assertThatThrownBy(() -> device.capture(burst(1), sink)).isInstanceOfSatisfying(CameraException.class,
					e -> assertThat(e.errorCode()).isEqualTo(CameraErrorCode.DEVICE_DISABLED));
		}
	}
}
