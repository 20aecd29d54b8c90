package camera.bench.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import camera.api.CameraErrorCode;
import camera.api.CameraException;
import camera.api.CameraPosition;
import camera.api.CameraType;
import camera.api.ConnectionType;
import camera.api.Size;
import camera.api.hal.FrameMetadata;
import camera.api.hal.HalCameraInfo;
import camera.api.hal.PixelFormat;
import camera.api.hal.RawFrame;
import camera.api.hal.SceneBurst;
import camera.api.hal.SimulatedScene;
import camera.develop.ExifData;
import camera.develop.JpegCodec;
import camera.develop.PhotoDeveloper;
import camera.develop.RgbImage;

class ReferenceExportTest {
	private static final Size SIZE = new Size(4, 2);
	private static final FrameMetadata METADATA = new FrameMetadata(0, 1_000_000, 3200, 0, 3839, null);

	private final AtomicInteger encoded = new AtomicInteger();

	private final PhotoDeveloper developer = new PhotoDeveloper() {
		@Override
		public RgbImage developFast(RawFrame frame) {
			throw new AssertionError("not used");
		}

		@Override
		public RgbImage developFull(List<RawFrame> burst) {
			throw new AssertionError("not used");
		}

		@Override
		public RgbImage renderReference(RawFrame linearReference) {
			assertThat(linearReference.format()).isEqualTo(PixelFormat.RGB48_LINEAR);
			return new RgbImage(linearReference.width(), linearReference.height(),
					new byte[linearReference.width() * linearReference.height() * 3]);
		}
	};

	private final JpegCodec codec = new JpegCodec() {
		@Override
		public String name() {
			return "fake";
		}

		@Override
		public byte[] encode(RgbImage image, int quality, ExifData exif) {
			encoded.incrementAndGet();
			return ("jpeg " + image.width() + "x" + image.height() + " q" + quality + " " + exif.make()).getBytes();
		}
	};

	/** A scene that offers only {@link #SIZE}, as a simulated camera refuses the sizes it lacks. */
	private static SimulatedScene scene(String id) {
		return new SimulatedScene() {
			@Override
			public HalCameraInfo camera() {
				return new HalCameraInfo(id, "test", "sim", CameraPosition.BACK, CameraType.DEFAULT,
						ConnectionType.BUILT_IN, "Darkroom", "Sim");
			}

			@Override
			public SceneBurst render(Size size, int frames) {
				if (!size.equals(SIZE)) {
					throw new CameraException(CameraErrorCode.INVALID_ARGUMENT, "camera " + id + " offers no profile "
							+ size);
				}
				RawFrame raw = new RawFrame(PixelFormat.RAW_BAYER16, size.width(), size.height(), size.width() * 2,
						ByteBuffer.allocate(size.width() * size.height() * 2), METADATA);
				RawFrame reference = new RawFrame(PixelFormat.RGB48_LINEAR, size.width(), size.height(),
						size.width() * 6, ByteBuffer.allocate(size.width() * size.height() * 6), METADATA);
				return new SceneBurst(List.of(raw), reference);
			}
		};
	}

	@Nested
	class Rendering {
		@Test
		void rendersTheReferenceAtTheRequestedSizeThroughThePipeline() {
			byte[] jpeg = new ReferenceExport(developer, codec).render(scene("sim-test"), SIZE);
			assertThat(new String(jpeg)).isEqualTo("jpeg 4x2 q95 Darkroom");
		}

		@Test
		void aSizeTheCameraDoesNotOfferIsRefusedWithItsErrorAndNothingIsEncoded() {
			assertThatThrownBy(() -> new ReferenceExport(developer, codec).render(scene("sim-test"), new Size(8, 8)))
				.isInstanceOf(CameraException.class)
				.hasMessageContaining("offers no profile 8x8");
			assertThat(encoded).hasValue(0);
		}
	}

	@Nested
	class Choosing {
		private final List<SimulatedScene> scenes = List.of(scene("sim-back"), scene("sim-front"));

		@Test
		void withoutACameraIdTheFirstSimulatedCameraIsTaken() {
			assertThat(ReferenceExport.sceneOf(scenes, "").camera().id()).isEqualTo("sim-back");
		}

		@Test
		void aCameraIdChoosesItsScene() {
			assertThat(ReferenceExport.sceneOf(scenes, "sim-front").camera().id()).isEqualTo("sim-front");
		}

		@Test
		void aCameraWithoutAReferenceSaysSoAndNamesTheSimulatedCameras() {
			assertThatThrownBy(() -> ReferenceExport.sceneOf(scenes, "v4l2-video0"))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessage("camera 'v4l2-video0' has no noise-free reference: only simulated cameras have one, and "
						+ "they are sim-back, sim-front");
		}

		@Test
		void withoutASimulatedCameraItSaysSo() {
			assertThatThrownBy(() -> ReferenceExport.sceneOf(List.of(), ""))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessage("no simulated camera is running: only a simulated camera has a noise-free reference");
		}
	}

	@Nested
	class Writing {
		@Test
		void writesTheWholeFile(@TempDir Path dir) throws Exception {
			Path target = dir.resolve("reference.jpg");
			ReferenceExport.write(new byte[] { 1, 2, 3 }, target);
			assertThat(target).hasBinaryContent(new byte[] { 1, 2, 3 });
			assertThat(Files.list(dir)).containsExactly(target);
		}

		@Test
		void neverReplacesAnExistingFile(@TempDir Path dir) throws Exception {
			Path target = Files.write(dir.resolve("photo.jpg"), new byte[] { 9 });
			assertThatThrownBy(() -> ReferenceExport.write(new byte[] { 1 }, target))
				.isInstanceOf(FileAlreadyExistsException.class);
			assertThat(target).hasBinaryContent(new byte[] { 9 });
			assertThat(Files.list(dir)).containsExactly(target);
		}
	}
}
