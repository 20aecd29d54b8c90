package camera.deferred.internal.framework;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import camera.api.CameraErrorCode;
import camera.api.CameraException;
import camera.api.CameraInput;
import camera.api.DeferredDeliveryImageType;
import camera.api.PhotoOutput;
import camera.api.PhotoSession;
import camera.api.Registration;
import camera.api.hal.HalCamera;
import camera.api.hal.HalCapabilities;
import camera.api.hal.HalProfile;

/**
 * A photo session and its state machine: created, configuring, configured, running, released. The rules and their
 * error codes are those of {@link PhotoSession}. When its camera goes away a running session stops and its error
 * listeners hear DEVICE_DISABLED; once the camera is back, opening the input again and starting makes it usable.
 */
final class PhotoCaptureSession implements PhotoSession {

	private enum State {
		CREATED, CONFIGURING, CONFIGURED, RUNNING, RELEASED
	}

	private final CameraRegistry registry;
	private final DeliveryPlanner planner;
	private final Executor events;
	private final Consumer<PhotoCaptureSession> onRelease;
	private final ListenerList<CameraException> errorListeners = new ListenerList<>();
	private final List<PhotoOutputStream> outputs = new ArrayList<>();
	private State state = State.CREATED;
	private CameraDeviceInput input;

	PhotoCaptureSession(CameraRegistry registry, DeliveryPlanner planner, Executor events,
			Consumer<PhotoCaptureSession> onRelease) {
		this.registry = registry;
		this.planner = planner;
		this.events = events;
		this.onRelease = onRelease;
	}

	@Override
	public synchronized void beginConfig() {
		requireNotReleased();
		if (state == State.CONFIGURING) {
			throw new CameraException(CameraErrorCode.SESSION_CONFIG_LOCKED, "the session is already being configured");
		}
		state = State.CONFIGURING;
		outputs.forEach(PhotoOutputStream::uncommit);
		if (input != null) {
			input.stopStreaming();
		}
	}

	@Override
	public synchronized void addInput(CameraInput cameraInput) {
		requireConfiguring("addInput");
		CameraDeviceInput added = ours(cameraInput);
		if (input != null) {
			throw new CameraException(CameraErrorCode.OPERATION_NOT_ALLOWED, "a session takes one input");
		}
		added.attach(this, this::cameraGone);
		input = added;
	}

	@Override
	public synchronized void removeInput(CameraInput cameraInput) {
		requireConfiguring("removeInput");
		if (cameraInput == null || cameraInput != input) {
			throw new CameraException(CameraErrorCode.INVALID_ARGUMENT, "that input is not in this session");
		}
		input.detach(this);
		input = null;
	}

	@Override
	public synchronized void addOutput(PhotoOutput photoOutput) {
		requireConfiguring("addOutput");
		PhotoOutputStream added = ours(photoOutput);
		if (outputs.contains(added)) {
			throw new CameraException(CameraErrorCode.OPERATION_NOT_ALLOWED, "that output is already in this session");
		}
		added.attach(this);
		outputs.add(added);
	}

	@Override
	public synchronized void removeOutput(PhotoOutput photoOutput) {
		requireConfiguring("removeOutput");
		if (photoOutput == null || !outputs.contains(photoOutput)) {
			throw new CameraException(CameraErrorCode.INVALID_ARGUMENT, "that output is not in this session");
		}
		PhotoOutputStream removed = (PhotoOutputStream) photoOutput;
		removed.detach(this);
		outputs.remove(removed);
	}

	@Override
	public synchronized void commitConfig() {
		requireConfiguring("commitConfig");
		Optional<OpenCamera> camera = input == null ? Optional.empty() : input.openCamera();
		if (camera.isEmpty()) {
			throw new CameraException(CameraErrorCode.OPERATION_NOT_ALLOWED, "commitConfig needs an opened input");
		}
		if (outputs.isEmpty()) {
			throw new CameraException(CameraErrorCode.OPERATION_NOT_ALLOWED, "commitConfig needs at least one output");
		}
		HalCamera hal = camera.get().camera();
		HalCapabilities capabilities = hal.capabilities();
		Map<PhotoOutputStream, HalProfile> sensorProfiles = new LinkedHashMap<>();
		for (PhotoOutputStream output : outputs) {
			HalProfile sensorProfile = CameraProfiles.sensorProfile(capabilities, output.profile())
				.orElseThrow(() -> new CameraException(CameraErrorCode.INVALID_ARGUMENT,
						"camera " + hal.info().id() + " does not offer the profile " + output.profile()));
			sensorProfiles.put(output, sensorProfile);
		}
		// Every check passed: only now does anything change.
		sensorProfiles.forEach((output, sensorProfile) -> output.commit(new OutputConfiguration(
				planner.delivery(output.wantedDelivery(), capabilities, hal.info().id()), sensorProfile,
				planner.frameCount(capabilities), hal.info())));
		state = State.CONFIGURED;
	}

	@Override
	public synchronized void start() {
		requireNotReleased();
		if (state == State.RUNNING) {
			return;
		}
		if (state != State.CONFIGURED) {
			throw new CameraException(CameraErrorCode.SESSION_NOT_CONFIG, "start needs a committed configuration");
		}
		if (!input.isOpen()) {
			throw new CameraException(CameraErrorCode.DEVICE_DISABLED,
					"camera " + input.device().cameraId() + " is not open; open the input again");
		}
		state = State.RUNNING;
		startStreaming();
	}

	@Override
	public synchronized void stop() {
		requireNotReleased();
		if (state == State.RUNNING) {
			state = State.CONFIGURED;
			input.stopStreaming();
		}
	}

	/**
	 * The first output's camera frames stream into the input's ring, unless the camera is configured off; an output
	 * of another sensor profile captures on request.
	 */
	private void startStreaming() {
		outputs.stream().map(PhotoOutputStream::committed).filter(Objects::nonNull).findFirst()
			.filter(configuration -> planner.ringFor(configuration.camera().id()))
			.ifPresent(configuration -> input.startStreaming(configuration.sensorProfile(),
					planner.ringDepth(configuration.frameCount())));
	}

	@Override
	public void release() {
		CameraDeviceInput releasedInput;
		List<PhotoOutputStream> releasedOutputs;
		synchronized (this) {
			if (state == State.RELEASED) {
				return;
			}
			state = State.RELEASED;
			releasedInput = input;
			input = null;
			releasedOutputs = List.copyOf(outputs);
			outputs.clear();
		}
		releasedOutputs.forEach(PhotoOutputStream::release);
		if (releasedInput != null) {
			releasedInput.detach(this);
			releasedInput.close();
		}
		onRelease.accept(this);
	}

	@Override
	public synchronized Registration onError(Consumer<CameraException> listener) {
		requireNotReleased();
		return errorListeners.add(listener);
	}

	/** @return the input, if the session runs */
	synchronized Optional<CameraDeviceInput> runningInput() {
		return state == State.RUNNING ? Optional.of(input) : Optional.empty();
	}

	/** @return whether the session's camera supports deferred delivery of that type */
	boolean supportsDeferred(DeferredDeliveryImageType type) {
		CameraDeviceInput current;
		synchronized (this) {
			current = input;
		}
		return current != null && registry.find(current.device().cameraId())
			.map(camera -> camera.capabilities().deferredTypes().contains(type))
			.orElse(false);
	}

	void outputReleased(PhotoOutputStream output) {
		synchronized (this) {
			outputs.remove(output);
		}
	}

	private void cameraGone(CameraException error) {
		synchronized (this) {
			if (state == State.RUNNING) {
				state = State.CONFIGURED;
			}
		}
		events.execute(() -> errorListeners.fire(error));
	}

	private void requireNotReleased() {
		if (state == State.RELEASED) {
			throw new CameraException(CameraErrorCode.OPERATION_NOT_ALLOWED, "the session was released");
		}
	}

	private void requireConfiguring(String operation) {
		requireNotReleased();
		if (state != State.CONFIGURING) {
			throw new CameraException(CameraErrorCode.OPERATION_NOT_ALLOWED,
					operation + " is allowed only between beginConfig and commitConfig");
		}
	}

	private static CameraDeviceInput ours(CameraInput cameraInput) {
		if (cameraInput instanceof CameraDeviceInput known) {
			return known;
		}
		throw new CameraException(CameraErrorCode.INVALID_ARGUMENT, "an input made by this camera manager is needed");
	}

	private static PhotoOutputStream ours(PhotoOutput photoOutput) {
		if (photoOutput instanceof PhotoOutputStream known) {
			return known;
		}
		throw new CameraException(CameraErrorCode.INVALID_ARGUMENT, "an output made by this camera manager is needed");
	}
}
