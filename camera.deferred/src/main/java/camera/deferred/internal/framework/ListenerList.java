package camera.deferred.internal.framework;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import camera.api.CameraErrorCode;
import camera.api.CameraException;
import camera.api.Registration;

/** The listeners of one event; registering returns a {@link Registration} that removes the listener once. */
final class ListenerList<T> {
	private final List<Consumer<T>> listeners = new CopyOnWriteArrayList<>();

	Registration add(Consumer<T> listener) {
		if (listener == null) {
			throw new CameraException(CameraErrorCode.INVALID_ARGUMENT, "a listener is needed");
		}
		// A wrapper per registration, so registering the same listener twice gives two independent registrations.
		Consumer<T> entry = listener::accept;
		listeners.add(entry);
		return () -> listeners.remove(entry);
	}

	boolean isEmpty() {
		return listeners.isEmpty();
	}

	/**
	 * Calls every listener, even when one throws; the caller runs this on an event thread, never under a lock.
	 *
	 * @throws RuntimeException the first listener failure, with the later ones suppressed, after all were called
	 */
	void fire(T event) {
		RuntimeException failure = null;
		for (Consumer<T> listener : listeners) {
			try {
				listener.accept(event);
			} catch (RuntimeException e) {
				if (failure == null) {
					failure = e;
				} else {
					failure.addSuppressed(e);
				}
			}
		}
		if (failure != null) {
			throw failure;
		}
	}
}
