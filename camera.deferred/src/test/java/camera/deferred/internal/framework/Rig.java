package camera.deferred.internal.framework;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import camera.api.CameraDevice;
import camera.api.CameraInput;
import camera.api.PhotoOutput;
import camera.api.PhotoSession;
import camera.api.Profile;
import camera.api.SceneMode;
import camera.deferred.internal.development.JpegQualities;
import camera.deferred.internal.jobs.DeferredEngine;
import camera.develop.JpegCodec;
import camera.develop.PhotoDeveloper;
import media.library.PhotoAccessHelper;
import media.library.processing.CameraPhotoStore;

/** A camera framework wired to fakes, with helpers to set a session up the way an app does. */
final class Rig implements DeliveryServices, AutoCloseable {
	static final FrameworkSettings SETTINGS = new FrameworkSettings(16, Duration.ofSeconds(10), 3, 0, Set.of());
	static final JpegQualities QUALITIES = new JpegQualities(80, 95, 85, 70);

	/** What the engine, the store and the library were asked, in order. */
	final List<String> calls = new CopyOnWriteArrayList<>();
	final Fakes.Developer developer = new Fakes.Developer();
	final Fakes.Codec codec = new Fakes.Codec();
	final Fakes.Engine engine = new Fakes.Engine(calls);
	final Fakes.Store store = new Fakes.Store(calls);
	final Fakes.Library library = new Fakes.Library(calls);
	volatile FrameworkSettings settings = SETTINGS;
	final CameraFramework framework = new CameraFramework(Fakes.silentLogger(), () -> settings, this);
	volatile boolean servicesPresent = true;
	/** The timing of every capture whose photo event was fired, in order. */
	final List<Map<String, Object>> timings = new CopyOnWriteArrayList<>();

	Fakes.Camera addCamera(String id, boolean deferred) {
		return addCamera(id, deferred, 0);
	}

	Fakes.Camera addCamera(String id, boolean deferred, int ranking) {
		Fakes.Camera camera = new Fakes.Camera(id, deferred, 4);
		framework.cameraAdded(camera, ranking);
		return camera;
	}

	CameraDevice device(String id) {
		return framework.getSupportedCameras()
			.stream()
			.filter(c -> c.cameraId().equals(id))
			.findFirst()
			.orElseThrow();
	}

	Profile largestProfile(String cameraId) {
		return framework.getSupportedOutputCapability(device(cameraId), SceneMode.NORMAL_PHOTO).photoProfiles().get(0);
	}

	/** A session in configuration with an opened input on the camera and one output of its largest profile. */
	Setup configure(String cameraId) {
		PhotoSession session = framework.createSession(SceneMode.NORMAL_PHOTO);
		CameraInput input = framework.createCameraInput(device(cameraId));
		input.open();
		PhotoOutput output = framework.createPhotoOutput(largestProfile(cameraId));
		session.beginConfig();
		session.addInput(input);
		session.addOutput(output);
		return new Setup(session, input, output);
	}

	record Setup(PhotoSession session, CameraInput input, PhotoOutput output) {
		Setup commitAndStart() {
			session.commitConfig();
			session.start();
			return this;
		}
	}

	@Override
	public void captureTimed(Map<String, Object> timing) {
		timings.add(timing);
	}

	@Override
	public Optional<DeferredEngine> engine() {
		return servicesPresent ? Optional.of(engine) : Optional.empty();
	}

	@Override
	public Optional<CameraPhotoStore> photoStore() {
		return servicesPresent ? Optional.of(store) : Optional.empty();
	}

	@Override
	public PhotoDeveloper developer() {
		return developer;
	}

	@Override
	public JpegCodec codec() {
		return codec;
	}

	@Override
	public JpegQualities qualities() {
		return QUALITIES;
	}

	@Override
	public Optional<PhotoAccessHelper> library() {
		return Optional.of(library);
	}

	@Override
	public void close() {
		framework.stop();
	}
}
