package camera.shell.internal.camera;

import java.util.function.Consumer;

import camera.api.CameraDevice;
import camera.api.PhotoOutput;
import camera.api.Registration;
import media.library.PhotoAccessHelper;
import media.library.PhotoAsset;

/**
 * The app side of one delivery flow: which photo event it listens to and how it saves what arrives.
 *
 * @param <P> what the photo event delivers
 */
interface PhotoDelivery<P> {

	/** @return whether this flow defers development, so that a FULL photo from it was developed at once */
	default boolean defers() {
		return true;
	}

	/** Readies the output before {@code commitConfig}. */
	default void prepare(PhotoOutput output) {
	}

	/** Registers the listener of this flow's photo event; called before {@code commitConfig}. */
	Registration listen(PhotoOutput output, Consumer<P> photos);

	/**
	 * Checks, after {@code commitConfig}, that the camera delivers photos the way this flow expects.
	 *
	 * @throws camera.shell.internal.console.CommandFailure when it does not
	 */
	default void check(PhotoOutput output, CameraDevice camera) {
	}

	/** Saves a delivered photo in the library, all or nothing. */
	PhotoAsset save(PhotoAccessHelper library, P photo);
}
