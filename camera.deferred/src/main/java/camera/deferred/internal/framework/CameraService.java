package camera.deferred.internal.framework;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import camera.api.CameraDevice;
import camera.api.CameraInput;
import camera.api.CameraManager;
import camera.api.CameraOutputCapability;
import camera.api.CaptureTimingEvents;
import camera.api.PhotoOutput;
import camera.api.PhotoSession;
import camera.api.Profile;
import camera.api.SceneMode;
import camera.api.hal.HalCamera;
import camera.deferred.internal.development.JpegQualities;
import camera.deferred.internal.development.JpegQualityConfiguration;
import camera.deferred.internal.jobs.DeferredEngine;
import camera.develop.DngCodec;
import camera.develop.JpegCodec;
import camera.develop.PhotoDeveloper;
import media.library.PhotoAccessHelper;
import media.library.processing.CameraPhotoStore;

/**
 * The {@link CameraManager} service: follows every HAL camera service as it comes and goes, and hands the deferred
 * engine and the media library to the capture path while they are there.
 */
@Component(service = CameraManager.class, configurationPid = CameraService.PID)
@Designate(ocd = CameraService.Configuration.class)
public class CameraService implements CameraManager, DeliveryServices {
	/** The configuration PID of the camera framework. */
	public static final String PID = "camera.deferred.framework";

	@ObjectClassDefinition(name = "Darkroom camera framework",
			description = "Thumbnails and time limits of the capture path (JPEG qualities: camera.deferred.quality).")
	@interface Configuration {
		@AttributeDefinition(description = "Longest side in pixels of the thumbnail of a deferred photo proxy.",
				min = "16")
		int thumbnailSize() default 320;

		@AttributeDefinition(description = "Seconds a camera may take to deliver the frames of one capture before"
				+ " the capture fails with SERVICE_FATAL_ERROR.", min = "1")
		int captureTimeoutSeconds() default 10;

		@AttributeDefinition(description = "Raw frames per capture, merged by the full development; capped by what"
				+ " the camera can burst.", min = "1")
		int burstFrames() default 4;

		@AttributeDefinition(description = "Frames a streaming camera keeps in its zero-shutter-lag ring while a"
				+ " session with a photo output runs; a capture takes its burst from the ring, the frame nearest the"
				+ " press first. 0 keeps one burst's worth.", min = "0")
		int zslDepth() default 0;

		@AttributeDefinition(description = "Cameras (ids) that capture on request instead of from the"
				+ " zero-shutter-lag ring; * for all. A camera that does not stream always captures on request.")
		String[] zslOffCameras() default {};
	}

	private final Logger log;
	private final JpegQualityConfiguration qualities;
	private final CameraFramework framework;
	private volatile FrameworkSettings settings;

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
			policyOption = ReferencePolicyOption.GREEDY)
	private volatile DeferredEngine engine;

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
			policyOption = ReferencePolicyOption.GREEDY)
	private volatile CameraPhotoStore photoStore;

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
			policyOption = ReferencePolicyOption.GREEDY)
	private volatile PhotoAccessHelper library;

	// Dynamic: a better-ranked developer (another implementation, a remote node) takes over without a restart.
	@Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
	private volatile PhotoDeveloper developer;

	@Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
	private volatile JpegCodec codec;

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
			policyOption = ReferencePolicyOption.GREEDY)
	private volatile DngCodec dngCodec;

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
			policyOption = ReferencePolicyOption.GREEDY)
	private volatile EventAdmin events;

	@Activate
	public CameraService(Configuration configuration, @Reference JpegQualityConfiguration qualities,
			@Reference(service = LoggerFactory.class) Logger log) {
		this.log = log;
		this.qualities = qualities;
		this.settings = settings(configuration);
		this.framework = new CameraFramework(log, () -> settings, this);
	}

	@Activate
	void started() {
		log.info("Camera framework started; JPEG through {}", codec.name());
	}

	@Modified
	void modified(Configuration configuration) {
		try {
			settings = settings(configuration);
		} catch (IllegalArgumentException e) {
			log.error("Camera framework configuration rejected, keeping the previous one: {}", e.getMessage());
		}
	}

	@Deactivate
	void deactivate() {
		framework.stop();
	}

	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
			policyOption = ReferencePolicyOption.GREEDY)
	void bindHalCamera(HalCamera camera, Map<String, Object> properties) {
		framework.cameraAdded(camera, properties.get(Constants.SERVICE_RANKING) instanceof Integer ranking ? ranking : 0);
	}

	void unbindHalCamera(HalCamera camera) {
		framework.cameraRemoved(camera);
	}

	@Override
	public List<CameraDevice> getSupportedCameras() {
		return framework.getSupportedCameras();
	}

	@Override
	public List<SceneMode> getSupportedSceneModes(CameraDevice camera) {
		return framework.getSupportedSceneModes(camera);
	}

	@Override
	public CameraOutputCapability getSupportedOutputCapability(CameraDevice camera, SceneMode mode) {
		return framework.getSupportedOutputCapability(camera, mode);
	}

	@Override
	public CameraInput createCameraInput(CameraDevice camera) {
		return framework.createCameraInput(camera);
	}

	@Override
	public PhotoOutput createPhotoOutput(Profile profile) {
		return framework.createPhotoOutput(profile);
	}

	@Override
	public PhotoSession createSession(SceneMode mode) {
		return framework.createSession(mode);
	}

	@Override
	public Optional<DeferredEngine> engine() {
		return Optional.ofNullable(engine);
	}

	@Override
	public Optional<CameraPhotoStore> photoStore() {
		return Optional.ofNullable(photoStore);
	}

	@Override
	public Optional<PhotoAccessHelper> library() {
		return Optional.ofNullable(library);
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
	public Optional<DngCodec> dngCodec() {
		return Optional.ofNullable(dngCodec);
	}

	@Override
	public JpegQualities qualities() {
		return qualities.current();
	}

	@Override
	public void captureTimed(Map<String, Object> timing) {
		EventAdmin admin = events;
		if (admin != null) {
			admin.postEvent(new Event(CaptureTimingEvents.TOPIC, timing));
		}
	}

	private static FrameworkSettings settings(Configuration configuration) {
		return new FrameworkSettings(configuration.thumbnailSize(),
				Duration.ofSeconds(configuration.captureTimeoutSeconds()), configuration.burstFrames(),
				configuration.zslDepth(), Set.copyOf(List.of(configuration.zslOffCameras())));
	}
}
