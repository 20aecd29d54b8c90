package camera.deferred.internal.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import camera.api.CameraPosition;
import camera.api.CameraType;
import camera.api.ConnectionType;
import camera.api.DeferredDeliveryImageType;
import camera.api.Size;
import camera.api.hal.FrameMetadata;
import camera.api.hal.FrameSink;
import camera.api.hal.HalCamera;
import camera.api.hal.HalCameraInfo;
import camera.api.hal.HalCapabilities;
import camera.api.hal.HalCaptureRequest;
import camera.api.hal.HalDevice;
import camera.api.hal.HalProfile;
import camera.api.hal.PixelFormat;
import camera.api.hal.RawFrame;
import camera.develop.ExifData;
import camera.develop.JpegCodec;
import camera.develop.PhotoDeveloper;
import camera.develop.RgbImage;

class ReferenceExportTest {
	private static final Size SIZE = new Size(4, 2);

	private final AtomicBoolean closed = new AtomicBoolean();

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
			return ("jpeg " + image.width() + "x" + image.height() + " q" + quality + " " + exif.make()).getBytes();
		}
	};

	private HalCamera camera(boolean hasReference) {
		return new HalCamera() {
			@Override
			public HalCameraInfo info() {
				return new HalCameraInfo("sim-test", "test", "sim", CameraPosition.BACK, CameraType.DEFAULT,
						ConnectionType.BUILT_IN, "Darkroom", "Sim");
			}

			@Override
			public HalCapabilities capabilities() {
				return new HalCapabilities(List.of(new HalProfile(SIZE, PixelFormat.RAW_BAYER16)), 4,
						Set.of(DeferredDeliveryImageType.PHOTO));
			}

			@Override
			public HalDevice open() {
				return new HalDevice() {
					@Override
					public void capture(HalCaptureRequest request, FrameSink sink) {
						throw new AssertionError("a reference needs no capture");
					}

					@Override
					public Optional<RawFrame> referenceFrame(HalCaptureRequest request) {
						if (!hasReference) {
							return Optional.empty();
						}
						return Optional.of(new RawFrame(PixelFormat.RGB48_LINEAR, request.size().width(),
								request.size().height(), request.size().width() * 6,
								ByteBuffer.allocate(request.size().width() * request.size().height() * 6),
								new FrameMetadata(0, 1_000_000, 3200, 0, 3839, null)));
					}

					@Override
					public void close() {
						closed.set(true);
					}
				};
			}
		};
	}

	@Nested
	class Rendering {
		@Test
		void rendersTheReferenceAtTheRequestedSizeThroughThePipeline() {
			byte[] jpeg = new ReferenceExport(developer, codec).render(camera(true), SIZE);
			assertThat(new String(jpeg)).isEqualTo("jpeg 4x2 q95 Darkroom");
			assertThat(closed).isTrue();
		}

		@Test
		void aCameraWithoutAReferenceSaysSoAndIsClosedAgain() {
			assertThatThrownBy(() -> new ReferenceExport(developer, codec).render(camera(false), SIZE))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("no noise-free reference");
			assertThat(closed).isTrue();
		}

		@Test
		void aSizeTheCameraDoesNotOfferIsRefusedBeforeOpeningIt() {
			assertThatThrownBy(() -> new ReferenceExport(developer, codec).render(camera(true), new Size(8, 8)))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("does not offer 8x8");
			assertThat(closed).isFalse();
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
