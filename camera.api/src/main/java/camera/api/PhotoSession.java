package camera.api;

import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A photo session: one input and photo outputs, configured between {@link #beginConfig()} and
 * {@link #commitConfig()}, then started. Thread-safe.
 * <p>
 * The rules: inputs and outputs are added only while configuring (else OPERATION_NOT_ALLOWED);
 * {@code beginConfig} while already configuring gives SESSION_CONFIG_LOCKED; {@code commitConfig} needs an
 * opened input and at least one output (else OPERATION_NOT_ALLOWED); {@code start} before a successful
 * {@code commitConfig} gives SESSION_NOT_CONFIG; anything after {@code release} gives OPERATION_NOT_ALLOWED,
 * except {@code release}, which may be called again. Deferred delivery of each output is decided by
 * {@code commitConfig}.
 */
@ProviderType
public interface PhotoSession {

	/** Enters configuration; a running session is stopped first. */
	void beginConfig();

	/** Adds the input. At most one input per session. */
	void addInput(CameraInput input);

	/** Removes the input. */
	void removeInput(CameraInput input);

	/** Adds a photo output. */
	void addOutput(PhotoOutput output);

	/** Removes a photo output. */
	void removeOutput(PhotoOutput output);

	/**
	 * Ends configuration: checks the input's camera offers each output's profile (else INVALID_ARGUMENT) and
	 * decides whether each output defers delivery.
	 */
	void commitConfig();

	/** Starts the session: its outputs can capture. Does nothing if it is running. */
	void start();

	/** Stops the session; captures in flight finish. Does nothing if it is not running. */
	void stop();

	/** Stops the session and frees it, its input and its outputs. */
	void release();

	/** Listens for errors of the session, e.g. its camera going away. */
	Registration onError(Consumer<CameraException> listener);
}
