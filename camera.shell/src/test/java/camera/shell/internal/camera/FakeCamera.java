package camera.shell.internal.camera;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import camera.api.CameraDevice;
import camera.api.CameraErrorCode;
import camera.api.CameraException;
import camera.api.CameraFormat;
import camera.api.CameraInput;
import camera.api.CameraManager;
import camera.api.CameraOutputCapability;
import camera.api.CameraPosition;
import camera.api.CameraType;
import camera.api.CaptureEndInfo;
import camera.api.CaptureStartInfo;
import camera.api.ConnectionType;
import camera.api.DeferredDeliveryImageType;
import camera.api.DeferredPhotoProxy;
import camera.api.FrameShutterInfo;
import camera.api.Photo;
import camera.api.PhotoCaptureSetting;
import camera.api.PhotoOutput;
import camera.api.PhotoSession;
import camera.api.Profile;
import camera.api.Registration;
import camera.api.SceneMode;
import camera.api.Size;
import camera.api.Thumbnail;
import media.library.AssetUri;
import media.library.MediaQuality;
import media.library.PhotoAsset;
import media.library.PhotoType;

/**
 * A camera framework in a few lines: one camera, synchronous events in the documented order, and a record of
 * what the app side did with it.
 */
final class FakeCamera implements CameraManager {
	static final CameraDevice BACK = new CameraDevice("fake-back", "Fake back camera", CameraPosition.BACK,
			CameraType.DEFAULT, ConnectionType.BUILT_IN, "fake");
	static final Profile LARGE = new Profile(CameraFormat.JPEG, new Size(64, 48));
	static final Profile SMALL = new Profile(CameraFormat.JPEG, new Size(32, 24));

	final List<String> calls = new CopyOnWriteArrayList<>();
	boolean supportsDeferred = true;
	/** When set, the capture with this index fires an error instead of its photo. */
	int failingCapture = -1;
	/** When true, captures fire no event at all. */
	boolean silent;
	private final List<CameraDevice> cameras = new ArrayList<>(List.of(BACK));

	void removeAllCameras() {
		cameras.clear();
	}

	@Override
	public List<CameraDevice> getSupportedCameras() {
		return List.copyOf(cameras);
	}

	@Override
	public List<SceneMode> getSupportedSceneModes(CameraDevice camera) {
		return List.of(SceneMode.NORMAL_PHOTO);
	}

	@Override
	public CameraOutputCapability getSupportedOutputCapability(CameraDevice camera, SceneMode mode) {
		return new CameraOutputCapability(List.of(LARGE, SMALL));
	}

	@Override
	public CameraInput createCameraInput(CameraDevice camera) {
		return new CameraInput() {
			@Override
			public CameraDevice device() {
				return camera;
			}

			@Override
			public void open() {
				calls.add("open");
			}

			@Override
			public void close() {
				calls.add("close");
			}

			@Override
			public Registration onError(Consumer<CameraException> listener) {
				return () -> {
				};
			}
		};
	}

	@Override
	public PhotoOutput createPhotoOutput(Profile profile) {
		return new Output(profile);
	}

	@Override
	public PhotoSession createSession(SceneMode mode) {
		return new PhotoSession() {
			private final List<Output> outputs = new ArrayList<>();

			@Override
			public void beginConfig() {
				calls.add("beginConfig");
			}

			@Override
			public void addInput(CameraInput input) {
			}

			@Override
			public void removeInput(CameraInput input) {
			}

			@Override
			public void addOutput(PhotoOutput output) {
				outputs.add((Output) output);
			}

			@Override
			public void removeOutput(PhotoOutput output) {
			}

			@Override
			public void commitConfig() {
				calls.add("commitConfig");
				outputs.forEach(Output::commit);
			}

			@Override
			public void start() {
				calls.add("start");
			}

			@Override
			public void stop() {
			}

			@Override
			public void release() {
				calls.add("release session");
			}

			@Override
			public Registration onError(Consumer<CameraException> listener) {
				return () -> {
				};
			}
		};
	}

	private final class Output implements PhotoOutput {
		private final Profile profile;
		private final List<Consumer<PhotoAsset>> assetListeners = new ArrayList<>();
		private final List<Consumer<Photo>> photoListeners = new ArrayList<>();
		private final List<Consumer<DeferredPhotoProxy>> proxyListeners = new ArrayList<>();
		private final List<Runnable> readyListeners = new ArrayList<>();
		private final List<Consumer<CameraException>> errorListeners = new ArrayList<>();
		private boolean proxyWanted;
		private boolean deferredAssets;
		private boolean deferredProxies;
		private int captures;

		Output(Profile profile) {
			this.profile = profile;
		}

		void commit() {
			deferredProxies = proxyWanted && supportsDeferred;
			deferredAssets = !deferredProxies && !assetListeners.isEmpty() && supportsDeferred;
		}

		@Override
		public Profile profile() {
			return profile;
		}

		@Override
		public int capture() {
			return capture(PhotoCaptureSetting.defaults());
		}

		@Override
		public int capture(PhotoCaptureSetting setting) {
			int captureId = ++captures;
			calls.add("capture " + setting.quality() + " " + setting.rotation());
			if (silent) {
				return captureId;
			}
			if (captureId - 1 == failingCapture) {
				errorListeners.forEach(l -> l.accept(new CameraException(CameraErrorCode.DEVICE_DISABLED, "gone")));
				return captureId;
			}
			if (deferredProxies) {
				proxyListeners.forEach(l -> l.accept(proxy(captureId)));
			} else if (deferredAssets) {
				assetListeners.forEach(l -> l.accept(pendingAsset(captureId)));
			} else {
				ByteBuffer raw = setting.raw() ? ByteBuffer.wrap(new byte[] { 'D', 'N', 'G' }) : null;
				photoListeners.forEach(l -> l.accept(new Photo(captureId, ByteBuffer.wrap(new byte[] { 1, 2, 3 }),
						profile.size(), MediaQuality.FULL, Instant.now(), raw)));
			}
			readyListeners.forEach(Runnable::run);
			return captureId;
		}

		private PhotoAsset pendingAsset(int captureId) {
			return new PhotoAsset(captureId, AssetUri.of(captureId, "IMG_" + captureId + ".jpg").toString(),
					"IMG_" + captureId + ".jpg", PhotoType.IMAGE, "image/jpeg", 64, 48, 3, Instant.now(),
					Instant.now(), Instant.now(), MediaQuality.FAST, "job-" + captureId, true, false);
		}

		private DeferredPhotoProxy proxy(int captureId) {
			return new DeferredPhotoProxy() {
				@Override
				public String photoId() {
					return "job-" + captureId;
				}

				@Override
				public byte[] imageData() {
					return new byte[] { 1 };
				}

				@Override
				public int width() {
					return 64;
				}

				@Override
				public int height() {
					return 48;
				}

				@Override
				public Thumbnail getThumbnail() {
					return new Thumbnail(new Size(8, 6), new byte[] { 1 });
				}

				@Override
				public void release() {
					calls.add("release proxy");
				}
			};
		}

		@Override
		public boolean isDeferredImageDeliverySupported(DeferredDeliveryImageType type) {
			return supportsDeferred && type == DeferredDeliveryImageType.PHOTO;
		}

		@Override
		public void deferImageDelivery(DeferredDeliveryImageType type) {
			if (!isDeferredImageDeliverySupported(type)) {
				throw new CameraException(CameraErrorCode.INVALID_ARGUMENT, "deferred delivery is not supported");
			}
			proxyWanted = true;
		}

		@Override
		public boolean isDeferredImageDeliveryEnabled(DeferredDeliveryImageType type) {
			return type == DeferredDeliveryImageType.PHOTO && (deferredAssets || deferredProxies);
		}

		@Override
		public Registration onPhotoAvailable(Consumer<Photo> listener) {
			photoListeners.add(listener);
			return () -> photoListeners.remove(listener);
		}

		@Override
		public Registration onPhotoAssetAvailable(Consumer<PhotoAsset> listener) {
			assetListeners.add(listener);
			return () -> assetListeners.remove(listener);
		}

		@Override
		public Registration onDeferredPhotoProxyAvailable(Consumer<DeferredPhotoProxy> listener) {
			proxyListeners.add(listener);
			return () -> proxyListeners.remove(listener);
		}

		@Override
		public Registration onCaptureStartWithInfo(Consumer<CaptureStartInfo> listener) {
			return () -> {
			};
		}

		@Override
		public Registration onFrameShutter(Consumer<FrameShutterInfo> listener) {
			return () -> {
			};
		}

		@Override
		public Registration onCaptureEnd(Consumer<CaptureEndInfo> listener) {
			return () -> {
			};
		}

		@Override
		public Registration onCaptureReady(Runnable listener) {
			readyListeners.add(listener);
			return () -> readyListeners.remove(listener);
		}

		@Override
		public Registration onError(Consumer<CameraException> listener) {
			errorListeners.add(listener);
			return () -> errorListeners.remove(listener);
		}

		@Override
		public void release() {
			calls.add("release output");
		}
	}
}
