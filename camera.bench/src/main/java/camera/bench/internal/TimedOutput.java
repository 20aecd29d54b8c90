package camera.bench.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import camera.api.CameraException;
import camera.api.PhotoOutput;
import camera.api.Registration;
import media.library.PhotoAsset;

/**
 * A photo output whose photo events are stamped with {@link System#nanoTime()} the moment they arrive, so a
 * capture's latency is the time from {@code capture()} to its photo event. The listeners are registered at
 * construction: before {@code commitConfig}, which is what makes an asset listener turn deferred delivery on.
 */
final class TimedOutput {
	/** One photo event, or the error that came instead. */
	record Arrival(long nanos, PhotoAsset asset, CameraException error) {
	}

	private final PhotoOutput output;
	private final Duration timeout;
	private final BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
	private final Semaphore ready = new Semaphore(0);
	private final List<Registration> registrations = new ArrayList<>();

	private TimedOutput(PhotoOutput output, Duration timeout) {
		this.output = output;
		this.timeout = timeout;
		registrations.add(output.onError(error -> arrivals.add(new Arrival(System.nanoTime(), null, error))));
		registrations.add(output.onCaptureReady(ready::release));
	}

	/** Times {@code photoAssetAvailable}: deferred delivery, phase 1. */
	static TimedOutput deferred(PhotoOutput output, Duration timeout) {
		TimedOutput timed = new TimedOutput(output, timeout);
		timed.registrations.add(output.onPhotoAssetAvailable(
				asset -> timed.arrivals.add(new Arrival(System.nanoTime(), asset, null))));
		return timed;
	}

	/** Times {@code photoAvailable}: single-phase delivery. */
	static TimedOutput singlePhase(PhotoOutput output, Duration timeout) {
		TimedOutput timed = new TimedOutput(output, timeout);
		timed.registrations.add(output.onPhotoAvailable(
				photo -> timed.arrivals.add(new Arrival(System.nanoTime(), null, null))));
		return timed;
	}

	PhotoOutput output() {
		return output;
	}

	/**
	 * Captures one photo and waits for its event, then for the output to be ready again.
	 *
	 * @return the photo event, stamped; its latency is {@code arrival.nanos() - start}
	 */
	Arrival captureOne() {
		output.capture();
		Arrival arrival = next();
		awaitReady(1);
		return arrival;
	}

	/** @return the next photo event; the error event's exception when a capture failed */
	Arrival next() {
		Arrival arrival;
		try {
			arrival = arrivals.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for a photo", e);
		}
		if (arrival == null) {
			throw new IllegalStateException("no photo within " + timeout.toSeconds() + " s");
		}
		if (arrival.error() != null) {
			throw arrival.error();
		}
		return arrival;
	}

	/** Waits until {@code captures} captures have reported that the output is ready again. */
	void awaitReady(int captures) {
		try {
			if (!ready.tryAcquire(captures, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new IllegalStateException("the output was not ready again within " + timeout.toSeconds() + " s");
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for the camera", e);
		}
	}

	void unregister() {
		registrations.forEach(Registration::close);
	}
}
