package camera.deferred.internal.framework;

import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.service.log.Logger;

import camera.api.CameraException;
import camera.api.CameraPosition;
import camera.api.CameraType;
import camera.api.ConnectionType;
import camera.api.DeferredDeliveryImageType;
import camera.api.Size;
import camera.api.hal.BayerPattern;
import camera.api.hal.FrameLease;
import camera.api.hal.FrameMetadata;
import camera.api.hal.FrameSink;
import camera.api.hal.HalCamera;
import camera.api.hal.HalCameraInfo;
import camera.api.hal.HalCapabilities;
import camera.api.hal.HalCaptureRequest;
import camera.api.hal.HalDevice;
import camera.api.hal.HalProfile;
import camera.api.hal.HalStream;
import camera.api.hal.HalStreamRequest;
import camera.api.hal.PixelFormat;
import camera.api.hal.RawFrame;
import camera.deferred.internal.jobs.BurstSpooling;
import camera.deferred.internal.jobs.CapturedBurst;
import camera.deferred.internal.jobs.DeferredEngine;
import camera.deferred.internal.jobs.SpoolFullException;
import camera.develop.ExifData;
import camera.develop.JpegCodec;
import camera.develop.PhotoDeveloper;
import camera.develop.RgbImage;
import media.library.AssetQuery;
import media.library.AssetUri;
import media.library.MediaAssetChangeRequest;
import media.library.MediaQuality;
import media.library.PhotoAccessHelper;
import media.library.PhotoAsset;
import media.library.PhotoType;
import media.library.processing.CameraPhoto;
import media.library.processing.CameraPhotoStore;

/** Small stand-ins for the HAL, the pipeline, the codec, the engine and the library. */
final class Fakes {
	static final Size SENSOR = new Size(8, 6);
	static final Size SMALL_SENSOR = new Size(4, 2);

	private Fakes() {
	}

	static Logger silentLogger() {
		return (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] { Logger.class },
				(proxy, method, args) -> method.getReturnType() == boolean.class ? false
						: method.getName().equals("getName") ? "test" : null);
	}

	static PhotoAsset asset(long id, MediaQuality quality, String jobId, boolean pending) {
		Instant now = Instant.now();
		return new PhotoAsset(id, AssetUri.of(id, "IMG_" + id + ".jpg").toString(), "IMG_" + id + ".jpg",
				PhotoType.IMAGE, "image/jpeg", 8, 6, 10, now, now, now, quality, jobId, pending, false);
	}

	/** A camera whose device delivers tiny raw frames; it can be told to fail or to hold a capture. */
	static final class Camera implements HalCamera {
		final HalCameraInfo info;
		final boolean deferred;
		final int maxBurst;
		volatile CameraException captureFailure;
		/** Frames delivered with only half their rows, as after a short transfer. */
		volatile java.util.Set<Integer> truncatedFrames = java.util.Set.of();
		/** Told the index of each frame just before the camera delivers it. */
		volatile java.util.function.IntConsumer beforeFrame = index -> {
		};
		volatile CountDownLatch holdCapture;
		final CountDownLatch captureHeld = new CountDownLatch(1);
		final AtomicInteger opened = new AtomicInteger();
		final AtomicInteger closed = new AtomicInteger();
		final List<HalCaptureRequest> requests = new CopyOnWriteArrayList<>();
		/** Whether its devices stream; the test then lends the frames with {@link #stream}. */
		volatile boolean streams;
		final List<HalStreamRequest> streamRequests = new CopyOnWriteArrayList<>();
		final AtomicInteger streamsClosed = new AtomicInteger();
		volatile FrameSink streamSink;
		/** Frames lent by {@link #stream} and not given back yet. */
		final AtomicInteger lent = new AtomicInteger();

		Camera(String id, boolean deferred, int maxBurst) {
			this.info = new HalCameraInfo(id, "Camera " + id, "fake", CameraPosition.BACK, CameraType.DEFAULT,
					ConnectionType.BUILT_IN, "Darkroom", "Fake " + id);
			this.deferred = deferred;
			this.maxBurst = maxBurst;
		}

		@Override
		public HalCameraInfo info() {
			return info;
		}

		@Override
		public HalCapabilities capabilities() {
			return new HalCapabilities(
					List.of(new HalProfile(SENSOR, PixelFormat.RAW_BAYER16),
							new HalProfile(SMALL_SENSOR, PixelFormat.RAW_BAYER16)),
					maxBurst, deferred ? Set.of(DeferredDeliveryImageType.PHOTO) : Set.of());
		}

		@Override
		public HalDevice open() {
			opened.incrementAndGet();
			return new HalDevice() {
				@Override
				public void capture(HalCaptureRequest request, FrameSink sink) {
					requests.add(request);
					CountDownLatch hold = holdCapture;
					if (hold != null) {
						captureHeld.countDown();
						await(hold);
					}
					CameraException failure = captureFailure;
					if (failure != null) {
						throw failure;
					}
					sink.shutter(System.nanoTime());
					for (int i = 0; i < request.frameCount(); i++) {
						beforeFrame.accept(i);
						RawFrame frame = frame(request.size());
						if (truncatedFrames.contains(i)) {
							frame.data().limit(frame.data().capacity() / 2);
						}
						sink.frame(frame);
					}
				}

				@Override
				public Optional<HalStream> stream(HalStreamRequest request, FrameSink sink) {
					if (!streams) {
						return Optional.empty();
					}
					streamRequests.add(request);
					streamSink = sink;
					return Optional.of(new HalStream() {
						@Override
						public long droppedFrames() {
							return 0;
						}

						@Override
						public void close() {
							streamSink = null;
							streamsClosed.incrementAndGet();
						}
					});
				}

				@Override
				public void close() {
					closed.incrementAndGet();
				}
			};
		}

		/** Lends one frame of the stream's size with that sensor timestamp to the running stream. */
		void stream(long timestampNanos) {
			FrameSink sink = streamSink;
			if (sink == null) {
				throw new AssertionError("the camera does not stream");
			}
			Size size = streamRequests.getLast().size();
			ByteBuffer data = ByteBuffer.allocateDirect(size.width() * size.height() * 2).order(ByteOrder.LITTLE_ENDIAN);
			RawFrame frame = new RawFrame(PixelFormat.RAW_BAYER16, size.width(), size.height(), size.width() * 2, data,
					new FrameMetadata(timestampNanos, 10_000_000L, 200, 64, 1023, BayerPattern.RGGB));
			lent.incrementAndGet();
			sink.frame(new FrameLease(frame, lent::decrementAndGet));
		}

		private static RawFrame frame(Size size) {
			ByteBuffer data = ByteBuffer.allocate(size.width() * size.height() * 2).order(ByteOrder.LITTLE_ENDIAN);
			return new RawFrame(PixelFormat.RAW_BAYER16, size.width(), size.height(), size.width() * 2, data,
					new FrameMetadata(System.nanoTime(), 10_000_000L, 200, 64, 1023, BayerPattern.RGGB));
		}
	}

	static void await(CountDownLatch latch) {
		try {
			if (!latch.await(30, TimeUnit.SECONDS)) {
				throw new AssertionError("gave up waiting");
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		}
	}

	/** Develops every frame to a grey image of the frame's size (full) or half of it (fast). */
	static final class Developer implements PhotoDeveloper {
		final AtomicInteger fast = new AtomicInteger();
		final AtomicInteger full = new AtomicInteger();
		final List<Integer> fullBurstSizes = new CopyOnWriteArrayList<>();
		volatile boolean failFull;

		@Override
		public RgbImage developFast(RawFrame frame) {
			fast.incrementAndGet();
			int width = Math.max(1, frame.width() / 2);
			int height = Math.max(1, frame.height() / 2);
			return new RgbImage(width, height, new byte[width * height * 3]);
		}

		@Override
		public RgbImage developFull(List<RawFrame> burst) {
			full.incrementAndGet();
			if (failFull) {
				throw new IllegalStateException("development failed");
			}
			fullBurstSizes.add(burst.size());
			RawFrame first = burst.get(0);
			return new RgbImage(first.width(), first.height(), new byte[first.width() * first.height() * 3]);
		}

		@Override
		public RgbImage renderReference(RawFrame linearReference) {
			throw new UnsupportedOperationException();
		}
	}

	/** Encodes an image as the bytes {@code FF D8 quality width height}. */
	static final class Codec implements JpegCodec {
		final List<Integer> qualities = new CopyOnWriteArrayList<>();
		final List<ExifData> exifs = new CopyOnWriteArrayList<>();

		@Override
		public String name() {
			return "fake";
		}

		@Override
		public byte[] encode(RgbImage image, int quality, ExifData exif) {
			qualities.add(quality);
			exifs.add(exif);
			return new byte[] { (byte) 0xff, (byte) 0xd8, (byte) quality, (byte) image.width(),
					(byte) image.height() };
		}
	}

	/** An engine whose spool takes frames in memory; the calls say when a burst was committed or abandoned. */
	static final class Engine implements DeferredEngine {
		final List<CapturedBurst> accepted = new CopyOnWriteArrayList<>();
		/** What the spool did, in order: "spooled <frame index>", "committed". */
		final List<String> timeline = new CopyOnWriteArrayList<>();
		final List<Boolean> activity = new CopyOnWriteArrayList<>();
		final List<String> calls;
		volatile boolean spoolFull;
		volatile boolean refusesBursts;

		Engine(List<String> calls) {
			this.calls = calls;
		}

		@Override
		public BurstSpooling begin() {
			if (refusesBursts) {
				throw new SpoolFullException("the engine is stopping");
			}
			return new BurstSpooling() {
				private final List<RawFrame> frames = new CopyOnWriteArrayList<>();

				@Override
				public void add(RawFrame frame) {
					timeline.add("spooled " + frames.size());
					frames.add(frame);
				}

				@Override
				public String commit(CapturedBurst burst) {
					if (spoolFull) {
						calls.add("accept refused");
						throw new SpoolFullException("the spool is full");
					}
					if (burst.frames().size() != frames.size()) {
						throw new IllegalStateException(frames.size() + " frames spooled, " + burst.frames().size()
								+ " committed");
					}
					accepted.add(burst);
					timeline.add("committed");
					String jobId = "job-" + accepted.size();
					calls.add("accept " + jobId);
					return jobId;
				}

				@Override
				public void abandon() {
					calls.add("abandon");
				}
			};
		}

		@Override
		public void captureActivity(boolean busy) {
			activity.add(busy);
		}
	}

	static final class Store implements CameraPhotoStore {
		final List<CameraPhoto> photos = new CopyOnWriteArrayList<>();
		final List<String> calls;
		volatile RuntimeException failure;

		Store(List<String> calls) {
			this.calls = calls;
		}

		@Override
		public PhotoAsset createCameraAsset(CameraPhoto photo) {
			if (failure != null) {
				throw failure;
			}
			photos.add(photo);
			calls.add("createCameraAsset " + photo.jobId());
			return asset(photos.size(), MediaQuality.FAST, photo.jobId(), true);
		}

		@Override
		public Optional<PhotoAsset> completeDeferredPhoto(String jobId, java.nio.file.Path fullImage, int width,
				int height) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Optional<PhotoAsset> failDeferredPhoto(String jobId, String reason) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Optional<PhotoAsset> findByJob(String jobId) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Optional<PhotoAsset> addRawImage(String jobId, Path dng) {
			throw new UnsupportedOperationException();
		}
	}

	static final class Library implements PhotoAccessHelper {
		final List<MediaAssetChangeRequest> applied = new CopyOnWriteArrayList<>();
		final List<String> calls;

		Library(List<String> calls) {
			this.calls = calls;
		}

		@Override
		public PhotoAsset createAsset(String displayName) {
			throw new UnsupportedOperationException();
		}

		@Override
		public PhotoAsset createAsset(PhotoType type, String extension) {
			calls.add("createAsset");
			return asset(100, MediaQuality.FULL, null, false);
		}

		@Override
		public Optional<PhotoAsset> getAsset(String uri) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Optional<PhotoAsset> getAssetById(long id) {
			throw new UnsupportedOperationException();
		}

		@Override
		public List<PhotoAsset> getAssets(AssetQuery query) {
			return new ArrayList<>();
		}

		@Override
		public PhotoAsset applyChanges(MediaAssetChangeRequest request) {
			applied.add(request);
			calls.add("applyChanges");
			return request.asset();
		}

		@Override
		public void trash(List<PhotoAsset> assets) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void restore(List<PhotoAsset> assets) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void deletePermanently(List<PhotoAsset> assets) {
			calls.add("deletePermanently");
		}

		@Override
		public byte[] getThumbnail(PhotoAsset asset) {
			throw new UnsupportedOperationException();
		}
	}
}
