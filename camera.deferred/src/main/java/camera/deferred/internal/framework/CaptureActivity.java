package camera.deferred.internal.framework;

import java.util.Optional;
import java.util.function.Supplier;

import camera.deferred.internal.jobs.DeferredEngine;

/**
 * Counts the captures in flight on every camera and tells the deferred engine when the capture path turns busy or
 * idle, so that background development yields to the camera.
 */
final class CaptureActivity {
	private final Supplier<Optional<DeferredEngine>> engine;
	private int inFlight;

	CaptureActivity(Supplier<Optional<DeferredEngine>> engine) {
		this.engine = engine;
	}

	// The engine is told under the lock so that a busy and an idle signal can never reach it out of order; it
	// only flips a flag.
	synchronized void begin() {
		if (inFlight++ == 0) {
			engine.get().ifPresent(e -> e.captureActivity(true));
		}
	}

	synchronized void end() {
		if (--inFlight == 0) {
			engine.get().ifPresent(e -> e.captureActivity(false));
		}
	}
}
